package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** postgres = {"15", "17"}: every test runs once per major, named after it, on templates of that major. */
class VersionMatrixTests {

    @Test
    void eachTestRunsOncePerMajorVersion() {
        // Keep the servers up after the nested run, to look at their template caches.
        try (PostgresServers.Session session = PostgresServers.openSession()) {
            EngineExecutionResults results = EngineRuns.run(VersionMatrixTestCases.TwoMajors.class);

            results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
            assertThat(results.containerEvents().started().stream().map(Event::getTestDescriptor)
                    .map(d -> d.getDisplayName())).contains("PostgreSQL 15 (embedded)", "PostgreSQL 17 (embedded)");
            for (int major : new int[] {15, 17}) {
                var templates = DatabaseFactory.on(TestDatabases.server(major)).templates();
                assertThat(templates.templatesBuilt()).as("templates built on PostgreSQL %d", major).isPositive();
            }
        }
    }
}
