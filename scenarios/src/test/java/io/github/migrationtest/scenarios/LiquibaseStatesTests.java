package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The catalog on Liquibase: its history is DATABASECHANGELOG, its lock a row of DATABASECHANGELOGLOCK, and it
 * reacts to some states unlike Flyway (it tolerates unknown history rows, and never records a failure).
 */
class LiquibaseStatesTests {

    private static final MigrationChain ANALYTICS = Databases.liquibase("analytics/original");
    private static final MigrationChain ANALYTICS_FIXED = Databases.liquibase("analytics/fixed");
    private static final MigrationChain INDEXES = Databases.liquibase("indexes/original");
    private static final MigrationChain INDEXES_FIXED = Databases.liquibase("indexes/fixed");

    @Test
    void anEnumCreatedButUnrecordedFailsTheOriginalChangelogAndNotTheFixedOne() {
        try (MigrationDatabase original = Databases.at(ANALYTICS, "1");
                MigrationDatabase fixed = Databases.at(ANALYTICS_FIXED, "1")) {
            original.seed(BrokenStates.enumCreatedButUnrecorded("2"));
            fixed.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            assertThat(original.migrate()).failedAt("2").withSqlState("42710")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(fixed.migrate()).succeeded().hasApplied("2", "3");
        }
    }

    @Test
    void aChangesetAppliedButUnrecordedFailsTheOriginalChangelogAndNotTheFixedOne() {
        try (MigrationDatabase original = Databases.at(ANALYTICS, "1");
                MigrationDatabase fixed = Databases.at(ANALYTICS_FIXED, "1")) {
            original.seed(BrokenStates.objectsPresentButUnrecorded("2"));
            fixed.seed(BrokenStates.objectsPresentButUnrecorded("2"));

            assertThat(original.history()).extracting(e -> e.id()).containsExactly("1");
            assertThat(original.migrate()).failedAt("2").hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(fixed.migrate()).succeeded().hasApplied("2", "3");
        }
    }

    @Test
    void aChangesetOutsideATransactionLeftHalfWayFailsTheOriginalChangelogAndNotTheFixedOne() {
        try (MigrationDatabase original = Databases.at(INDEXES, "1");
                MigrationDatabase fixed = Databases.at(INDEXES_FIXED, "1")) {
            original.seed(BrokenStates.partiallyApplied("2", 1));
            fixed.seed(BrokenStates.partiallyApplied("2", 3));

            assertThat(original.migrate()).failedAt("2").withSqlState("42P07")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(fixed.migrate()).succeeded().hasApplied("2");
        }
    }

    @Test
    void anInvalidIndexFailsTheOriginalChangelogAndIsRebuiltByTheFixedOne() {
        try (MigrationDatabase original = Databases.at(INDEXES, "1");
                MigrationDatabase fixed = Databases.at(INDEXES_FIXED, "1")) {
            original.seed(BrokenStates.invalidIndex("2"));
            fixed.seed(BrokenStates.invalidIndex("2"));

            assertThat(original.migrate()).failedAt("2").hasDiagnosis(Diagnosis.INVALID_INDEX_EXISTS);
            assertThat(fixed.migrate()).succeeded();
            assertThat(fixed).table("events").index("events_user_id").isValid();
        }
    }

    @Test
    void aChangedChecksumFailsValidationUnlessTheChangesetAcceptsAnyChecksum() {
        try (MigrationDatabase original = Databases.at(ANALYTICS, "3");
                MigrationDatabase fixed = Databases.at(ANALYTICS_FIXED, "3")) {
            original.seed(BrokenStates.checksumMismatch("3"));
            fixed.seed(BrokenStates.checksumMismatch("3"));

            assertThat(original.migrate()).failed().appliedNothing().hasDiagnosis(Diagnosis.CHECKSUM_MISMATCH);
            assertThat(fixed.migrate()).succeeded().appliedNothing();
        }
    }

    @Test
    void discoveryObservesLiquibaseChangesetsLikeAnyOtherMigration() {
        Discovery discovery = Scenarios.discover(Databases.of(ANALYTICS));

        assertThat(discovery.scenariosOf("2")).extracting(s -> s.state().name()).containsExactly(
                "enum created but unrecorded: public.platformtype", "objects present but unrecorded: 2");
        assertThat(discovery.scenariosOf("3")).extracting(s -> s.state().name())
                .containsExactly("objects present but unrecorded: 3");
    }

    @Test
    void liquibaseToleratesRecordedChangesetsItDoesNotHave() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "2")) {
            db.seed(BrokenStates.recordedButMissing("2.5", "experimental flags"));

            assertThat(db.migrate()).succeeded().hasApplied("3");
        }
    }

    @Test
    void aLockRowLeftByAProcessThatDiedBlocksTheChainUntilTheDeployReleasesIt() {
        try (MigrationDatabase db = MigrationDatabases.builder().chain(ANALYTICS)
                .settings(Databases.settings(Duration.ofSeconds(3))).build().at("1")) {
            db.seed(BrokenStates.stuckMigrationLock());

            assertThat(db.migrate()).failed().hasDiagnosis(Diagnosis.MIGRATION_LOCK_HELD);

            // What liquibase release-locks does, as a deploy step for locks older than any deploy can take.
            db.execute("UPDATE databasechangeloglock SET locked = false, lockgranted = NULL, lockedby = NULL"
                    + " WHERE locked AND lockgranted < now() - interval '1 hour'");
            assertThat(db.migrate()).succeeded().hasApplied("2", "3");
        }
    }

    @Test
    void liquibaseRecordsNoFailedChangesets() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            assertThat(catchThrowable(() -> db.seed(BrokenStates.failedMigrationRecorded("2")))).hasMessage(
                    "failedMigrationRecorded(\"2\"): Liquibase records no failed changesets (a failed changeset is"
                            + " rolled back and left unrecorded), so this state does not arise with Liquibase. What a"
                            + " changeset that runs outside a transaction leaves when it fails is"
                            + " partiallyApplied(\"2\", <statements>).");
        }
    }

    @Test
    void concurrentMigratorsAreRefusedForLiquibaseWhoseInstancesInOneJvmDoNotExcludeEachOther() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            assertThat(catchThrowable(() -> ConcurrentMigration.run(db, 3, Duration.ofSeconds(10))))
                    .isInstanceOf(MigrationTestConfigurationException.class)
                    .hasMessageStartingWith("ConcurrentMigration runs its migrators in this JVM, and Liquibase"
                            + " instances in one JVM share process-wide state")
                    .hasMessageEndingWith("the stuck lock itself is BrokenStates.stuckMigrationLock().");
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1");
        }
    }
}
