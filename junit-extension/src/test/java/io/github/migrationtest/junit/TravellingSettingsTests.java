package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Settings given on {@code @MigrationTest(properties)} are resolved once by the extension and reach everything
 * that runs below the database: seeding, discovery, concurrent migrators, snapshot files.
 */
class TravellingSettingsTests {

    @Test
    void theAnnotationsTimeoutReachesSeedingDiscoveryAndConcurrentRuns() {
        EngineExecutionResults results = EngineRuns.run(TravellingSettingsTestCases.AnnotationTimeout.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
    }

    @Test
    void theAnnotationsUpdateSnapshotsReachesTheAssertionAndTheContract(@TempDir Path directory) throws Exception {
        // GIVEN committed snapshot files that no longer match the chain
        Files.writeString(directory.resolve("assertion.schema"), "stale\n");
        Files.writeString(directory.resolve("contract.schema"), "stale\n");
        TravellingSettingsTestCases.AnnotationUpdateSnapshots.directory = directory;

        EngineExecutionResults results = EngineRuns.run(TravellingSettingsTestCases.AnnotationUpdateSnapshots.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        String assertion = Files.readString(directory.resolve("assertion.schema"));
        assertThat(assertion).contains("accounts").doesNotContain("stale");
        assertThat(Files.readString(directory.resolve("contract.schema"))).isEqualTo(assertion);
    }
}
