package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Application instances that start together and all migrate the same database. */
class ConcurrentMigrationTests {

    /** The seed-002 chain with Flyway's defaults, its transactional advisory lock among them. */
    private static final FlywayChain CHAIN = FlywayChain.builder().locations("classpath:states/industry-cast/original")
            .build();

    @Test
    void flywaysLockLetsEachMigrationBeAppliedByOneMigratorOnly() {
        try (MigrationDatabase db = Databases.empty(CHAIN)) {
            ConcurrentMigrationReport report = ConcurrentMigration.run(db, 4, Databases.LIMIT);

            // Flyway takes its lock per migration transaction, so a second migrator may apply a later migration
            // between two of the first one's: what holds is that each is applied once, by one migrator.
            assertThat(report.failed()).isEmpty();
            assertThat(report.appliedBy()).containsOnlyKeys("1", "2", "3")
                    .allSatisfy((id, migrators) -> assertThat(migrators).hasSize(1));
            assertThat(report.appliedMoreThanOnce()).isEmpty();
            assertThat(report.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
            assertThat(report.describe()).startsWith("4 migrators started together: ").contains(" 0 failed, in ");
        }
    }

    @Test
    void everyMigratorThatMeetsTheBrokenStateFailsWithItsDiagnosis() {
        try (MigrationDatabase db = Databases.at(CHAIN, "1")) {
            db.seed(BrokenStates.valuesOutsideEnum("2"));

            ConcurrentMigrationReport report = ConcurrentMigration.run(db, 3, Databases.LIMIT);

            assertThat(report.succeeded()).isEmpty();
            assertThat(report.appliers()).isEmpty();
            report.migrators().forEach(migrator -> assertThat(migrator.result()).failedAt("2")
                    .hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS));
            assertThat(report.history()).extracting(HistoryEntry::id).containsExactly("1");
        }
    }

    @Test
    void theMigratorsAfterTheFirstApplyWhatIsLeftWhenTheFirstStopsAtATarget() {
        try (MigrationDatabase db = Databases.empty(CHAIN)) {
            db.migrateTo("2");

            ConcurrentMigrationReport report = ConcurrentMigration.run(db, 2, Databases.LIMIT);

            assertThat(report.appliedBy()).containsOnlyKeys("3");
            assertThat(report.appliedBy().get("3")).hasSize(1);
            assertThat(report.migrators()).extracting(MigratorRun::applied).filteredOn(List::isEmpty).hasSize(1);
        }
    }

    @Test
    void needsAtLeastTwoMigrators() {
        try (MigrationDatabase db = Databases.empty(CHAIN)) {
            assertThat(catchThrowable(() -> ConcurrentMigration.run(db, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Concurrent migration needs at least 2 migrators, not 1.");
        }
    }
}
