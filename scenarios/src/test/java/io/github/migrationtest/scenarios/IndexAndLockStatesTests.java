package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An invalid index left by a failed CONCURRENTLY, and a migration lock that is never released. */
class IndexAndLockStatesTests {

    private static final FlywayChain INDEXES = Databases.chain("event-indexes", "original");
    private static final FlywayChain INDEXES_FIXED = Databases.chain("event-indexes", "fixed");

    @Test
    void anInvalidIndexIsLeftByARealFailedBuild() {
        try (MigrationDatabase db = Databases.at(INDEXES, "1")) {
            db.seed(BrokenStates.invalidIndex("events_user_id", "events", "user_id"));

            assertThat(db).table("events").index("events_user_id").isInvalid();
            assertThat(db.query("select count(*) as n from events")).extracting(row -> row.get("n")).containsExactly(0L);
        }
    }

    @Test
    void anInvalidIndexFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(INDEXES, "1")) {
            db.seed(BrokenStates.invalidIndex("events_user_id", "events", "user_id"));

            assertThat(db.migrate()).failedAt("2").withSqlState("42P07").hasDiagnosis(Diagnosis.INVALID_INDEX_EXISTS);
        }
    }

    @Test
    void invalidIndexesOfTheMigrationAreRebuiltByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(INDEXES_FIXED, "1")) {
            db.seed(BrokenStates.invalidIndex("2"));
            assertThat(db).table("events").index("events_user_id").isInvalid();
            assertThat(db).table("events").index("events_external_key").isInvalid();

            assertThat(db.migrate()).succeeded().hasApplied("2");
            assertThat(db).table("events").index("events_user_id").isValid().isNotUnique();
            assertThat(db).table("events").index("events_external_key").isValid().isUnique();
        }
    }

    @Test
    void aStuckLockFailsTheChainWithTheSessionThatHoldsIt() {
        FlywayChain chain = Databases.chain("event-indexes", "original", "flyway.lockRetryCount", "1");
        try (MigrationDatabase db = Databases.at(chain, "1")) {
            db.seed(BrokenStates.stuckMigrationLock());

            MigrationResult result = db.migrate();

            assertThat(result).failed().appliedNothing().hasDiagnosis(Diagnosis.MIGRATION_LOCK_HELD);
            Finding finding = result.failure().orElseThrow().finding().orElseThrow();
            assertThat(finding.evidence()).singleElement().asString()
                    .contains("(migrationtest-stuck-migrator, idle in transaction for ");
        }
    }

    @Test
    void closingTheStateEndsTheSessionAndFreesTheLock() {
        FlywayChain chain = Databases.chain("event-indexes", "original", "flyway.lockRetryCount", "1");
        try (MigrationDatabase db = Databases.at(chain, "1")) {
            Seeded lock = db.seed(BrokenStates.stuckMigrationLock());

            lock.close();

            assertThat(db.migrate()).succeeded().hasApplied("2");
        }
    }

    @Test
    void aServerThatEndsIdleTransactionsFreesTheLockForTheWaitingChain() {
        // Flyway retries its lock once a second (50 times by default); the server ends the stuck session after 1 s.
        try (MigrationDatabase db = MigrationDatabases.builder().chain(INDEXES)
                .settings(Databases.settings(Duration.ofSeconds(30))).build().at("1")) {
            db.execute("ALTER DATABASE " + db.name() + " SET idle_in_transaction_session_timeout = '1s'");
            db.seed(BrokenStates.stuckMigrationLock());

            assertThat(db.migrate()).succeeded().hasApplied("2");
        }
    }
}
