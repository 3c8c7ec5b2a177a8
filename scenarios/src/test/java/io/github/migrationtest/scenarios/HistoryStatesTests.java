package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Edits of the engine's history: a failed entry, a changed checksum, a migration the chain lacks. */
class HistoryStatesTests {

    private static final FlywayChain INDEXES = Databases.chain("event-indexes", "original");
    private static final FlywayChain INDEXES_FIXED = Databases.chain("event-indexes", "fixed");
    private static final FlywayChain ANALYTICS = Databases.chain("analytics-enum", "original");

    @Test
    void aFailedMigrationRecordedStopsTheNextDeploy() {
        try (MigrationDatabase db = Databases.at(INDEXES, "1")) {
            // GIVEN what a failed non-transactional migration leaves: its first statement done, its failure recorded
            db.seed(BrokenStates.partiallyApplied("2", 1).and(BrokenStates.failedMigrationRecorded("2")));

            assertThat(db.history()).extracting(HistoryEntry::id, HistoryEntry::success)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true),
                            org.assertj.core.groups.Tuple.tuple("2", false));
            assertThat(db.migrate()).failed().appliedNothing().hasDiagnosis(Diagnosis.FAILED_MIGRATION_RECORDED);
        }
    }

    @Test
    void aDeployThatRepairsFirstCompletesAMigrationSafeToRerun() {
        try (MigrationDatabase db = Databases.at(INDEXES_FIXED, "1")) {
            db.seed(BrokenStates.partiallyApplied("2", 1).and(BrokenStates.failedMigrationRecorded("2")));

            flyway(db, "event-indexes/fixed").repair();

            assertThat(db.migrate()).succeeded().hasApplied("2");
            assertThat(db).table("events").index("events_external_key").isValid().isUnique();
        }
    }

    @Test
    void aFailedFirstMigrationIsRecordedInAHistoryTableCreatedForIt() {
        try (MigrationDatabase db = Databases.empty(INDEXES)) {
            db.seed(BrokenStates.failedMigrationRecorded("1"));

            assertThat(db.migrate()).failed().hasDiagnosis(Diagnosis.FAILED_MIGRATION_RECORDED);
        }
    }

    @Test
    void aChecksumThatNoLongerMatchesStopsTheNextDeploy() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            db.seed(BrokenStates.checksumMismatch("1"));

            assertThat(db.migrate()).failed().appliedNothing().hasDiagnosis(Diagnosis.CHECKSUM_MISMATCH);
        }
    }

    @Test
    void aDeployThatRepairsFirstRealignsTheChecksum() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            db.seed(BrokenStates.checksumMismatch("1"));

            flyway(db, "analytics-enum/original").repair();

            assertThat(db.migrate()).succeeded().hasApplied("2");
        }
    }

    @Test
    void aChecksumCanOnlyMismatchForAnAppliedMigration() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            assertThat(catchThrowable(() -> db.seed(BrokenStates.checksumMismatch("2")))).hasMessage(
                    "checksumMismatch(\"2\"): migration 2 \"analytics\" (V2__analytics.sql) is not recorded as applied in "
                            + db.name() + "; only an applied migration has a recorded checksum. Migrate to it first:"
                            + " db.migrateTo(\"2\").");
        }
    }

    @Test
    void aRecordedMigrationTheChainDoesNotHaveStopsTheNextDeploy() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "2")) {
            db.seed(BrokenStates.recordedButMissing("1.5", "experimental flags"));

            assertThat(db.migrate()).failed().hasDiagnosis(Diagnosis.APPLIED_MIGRATION_MISSING);
        }
    }

    @Test
    void aChainThatAcceptsRemovedMigrationsSurvivesIt() {
        FlywayChain tolerant = Databases.chain("analytics-enum", "original", "flyway.ignoreMigrationPatterns", "*:missing");
        try (MigrationDatabase db = Databases.at(tolerant, "1")) {
            db.seed(BrokenStates.recordedButMissing("1.5", "experimental flags"));

            assertThat(db.migrate()).succeeded().hasApplied("2");
        }
    }

    @Test
    void recordedButMissingNeedsAnIdTheChainDoesNotHave() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            assertThat(catchThrowable(() -> db.seed(BrokenStates.recordedButMissing("2", "analytics")))).hasMessage(
                    "recordedButMissing(\"2\", ...): the Flyway chain classpath:states/analytics-enum/original has"
                            + " migration 2; this state records one it does not have. Pick an id between two of its"
                            + " migrations, e.g. 1.5.");
        }
    }

    /** The deployment's own Flyway, as a pipeline step before migrate runs it. */
    private static Flyway flyway(MigrationDatabase db, String location) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:states/" + location).load();
    }
}
