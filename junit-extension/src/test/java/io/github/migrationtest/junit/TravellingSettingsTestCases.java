package io.github.migrationtest.junit;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.scenarios.BrokenStates;
import io.github.migrationtest.scenarios.ConcurrentMigration;
import io.github.migrationtest.scenarios.ConcurrentMigrationReport;
import io.github.migrationtest.scenarios.MigratorRun;
import io.github.migrationtest.scenarios.Scenarios;
import io.github.migrationtest.scenarios.checks.ChainChecks;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings set on the annotation, read by what runs below the database; run by {@link TravellingSettingsTests}. */
class TravellingSettingsTestCases {

    /** The annotation's 1 s, which V2 (4 s) exceeds; the default limit of 5 min would let it pass. */
    static final String ONE_SECOND = "within its time limit of 1 s";

    @MigrationTest(flyway = "classpath:db/slow", provider = "embedded", postgres = "17",
            properties = "migrationtest.migration-timeout=1s")
    static class AnnotationTimeout {

        @Test
        void databaseCarriesIt(MigrationDatabase db) {
            assertThat(db.settings().migrationTimeout()).isEqualTo(Duration.ofSeconds(1));
        }

        @Test
        void discoveryBuildsItsStatesWithinIt(MigrationDatabase db) {
            assertThatThrownBy(() -> Scenarios.discover(db)).hasMessageContaining(ONE_SECOND);
        }

        @Test
        void seedingObservesTheMigrationWithinIt(MigrationDatabase db) {
            db.migrateTo("1");

            assertThatThrownBy(() -> db.seed(BrokenStates.enumCreatedButUnrecorded("2")))
                    .hasMessageContaining(ONE_SECOND);
        }

        @Test
        void concurrentMigratorsRunWithinIt(MigrationDatabase db) {
            ConcurrentMigrationReport report = ConcurrentMigration.run(db, 2);

            assertThat(report.failed()).hasSize(2).extracting(MigratorRun::result)
                    .allSatisfy(result -> assertThat(result.failure()).get().satisfies(failure -> {
                        assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.TIMEOUT);
                        assertThat(failure.message()).contains(ONE_SECOND);
                    }));
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded", postgres = "17",
            properties = "migrationtest.update-snapshots=true")
    static class AnnotationUpdateSnapshots {

        /** Where the snapshot files are; set by the test that runs this class. */
        static Path directory;

        @Test
        void theAssertionRewritesTheFile(@Migrated MigrationDatabase db) {
            assertThat(db).matchesSnapshot(directory.resolve("assertion.schema"));
        }

        @Test
        void theContractRewritesTheFile(ChainChecks checks) {
            assertThat(checks.matchesSnapshot(directory.resolve("contract.schema"))).isTrue();
        }
    }
}
