package io.github.migrationtest.doctor;

import static io.github.migrationtest.doctor.DoctorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import io.github.migrationtest.scenarios.BrokenStates;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each problem planted on a "live" database, found by the doctor with its fix. */
class DoctorTests {

    @Test
    void aDatabaseAtAnEarlierVersionOnlyHasThePendingMigrationsToApply() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("2");

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).isHealthy();
            assertThat(report.recordedVersion()).isEqualTo("2");
            assertThat(report.findings()).extracting(DoctorFinding::kind, DoctorFinding::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PENDING, "migration 3"));
        }
    }

    @Test
    void anEnumCreatedButUnrecordedIsWhatThePendingMigrationWouldMeet() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("1");
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasProblemsOfKinds(Kind.OBJECT_ALREADY_EXISTS);
            DoctorFinding finding = report.findings(Kind.OBJECT_ALREADY_EXISTS).get(0);
            assertThat(finding.subject()).isEqualTo("migration 2");
            assertThat(finding.problem()).contains("enum public.platformtype").contains("already exists");
            assertThat(finding.fix()).contains("record it as applied").contains("DO block");
        }
    }

    @Test
    void tablesCreatedOutsideTheChainNeedABaseline() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.execute("CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL"
                    + " UNIQUE)");

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasProblemsOfKinds(Kind.OBJECTS_WITHOUT_HISTORY, Kind.OBJECT_ALREADY_EXISTS);
            assertThat(report.findings(Kind.OBJECTS_WITHOUT_HISTORY).get(0).fix()).contains("flyway baseline")
                    .contains("baselineOnMigrate");
            assertThat(report.findings(Kind.OBJECT_ALREADY_EXISTS).get(0).problem()).contains("table public.accounts");
        }
    }

    @Test
    void historyProblemsEachWithTheEngineCommandThatFixesThem() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("2");
            db.seed(BrokenStates.checksumMismatch("1"));
            db.seed(BrokenStates.recordedButMissing("1.5", "hotfix from a branch"));
            db.seed(BrokenStates.failedMigrationRecorded("3"));

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasProblemsOfKinds(Kind.CHECKSUM_MISMATCH, Kind.APPLIED_BUT_MISSING, Kind.FAILED_MIGRATION);
            assertThat(report.findings(Kind.CHECKSUM_MISMATCH).get(0).fix()).contains("flyway repair");
            assertThat(report.findings(Kind.APPLIED_BUT_MISSING).get(0).problem()).contains("1.5")
                    .contains("hotfix from a branch");
            assertThat(report.findings(Kind.FAILED_MIGRATION).get(0).subject()).isEqualTo("migration 3");
        }
    }

    @Test
    void aPendingMigrationBelowTheAppliedOnesIsOutOfOrder() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrate();
            db.execute("DELETE FROM flyway_schema_history WHERE version = '2'");

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasProblemsOfKinds(Kind.OUT_OF_ORDER, Kind.OBJECT_ALREADY_EXISTS);
            assertThat(report.findings(Kind.OUT_OF_ORDER).get(0).fix()).contains("flyway.outOfOrder=true");
        }
    }

    @Test
    void driftFromTheChainAtTheRecordedVersion() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrate();
            db.execute("ALTER TABLE accounts ADD COLUMN nickname text; DROP INDEX campaigns_platform");

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasProblemsOfKinds(Kind.DRIFT);
            assertThat(report.findings(Kind.DRIFT)).extracting(DoctorFinding::subject)
                    .containsExactlyInAnyOrder("column public.accounts.nickname", "index public.campaigns_platform");
        }
    }

    @Test
    void anInvalidIndexAndAHeldMigrationLock() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("2");
            db.seed(BrokenStates.invalidIndex("campaigns_account", "campaigns", "account_id"));
            try (Seeded lock = db.seed(BrokenStates.stuckMigrationLock())) {
                DoctorReport report = LiveDatabases.doctor().longTransactionsAfter(Duration.ofHours(1))
                        .examine(LiveDatabases.live(db));

                assertThat(report).hasProblemsOfKinds(Kind.INVALID_INDEX, Kind.MIGRATION_LOCK_HELD, Kind.DRIFT);
                assertThat(report.findings(Kind.INVALID_INDEX).get(0).fix())
                        .startsWith("DROP INDEX CONCURRENTLY public.campaigns_account;");
                assertThat(report.findings(Kind.MIGRATION_LOCK_HELD).get(0).fix()).contains("pg_terminate_backend(");
            }
        }
    }

    @Test
    void aLongTransactionThatWouldBlockDdl() throws Exception {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrate();
            try (Connection session = db.connect(); Statement statement = session.createStatement()) {
                session.setAutoCommit(false);
                statement.execute("SELECT count(*) FROM accounts");
                Thread.sleep(1_500);

                DoctorReport report = LiveDatabases.doctor().longTransactionsAfter(Duration.ofSeconds(1))
                        .examine(LiveDatabases.live(db));

                assertThat(report).hasProblemsOfKinds(Kind.LONG_TRANSACTION);
                assertThat(report.findings(Kind.LONG_TRANSACTION).get(0).problem()).contains("idle in transaction")
                        .contains("holding 1 table lock(s)").contains("SELECT count(*) FROM accounts");
                session.rollback();
            }
        }
    }

    @Test
    void reportsAsTextAndJson() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("1");
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report.text()).startsWith("migrationtest doctor: " + db.jdbcUrl() + " against the Flyway chain")
                    .contains("1 problem, 2 notes.").contains("PROBLEM OBJECT_ALREADY_EXISTS: migration 2\n")
                    .contains("\n  fix: If the live objects are what 2 creates");
            assertThat(report.json()).contains("\"healthy\": false,").contains("{\"kind\": \"OBJECT_ALREADY_EXISTS\","
                    + " \"problem\": true, \"subject\": \"migration 2\"").contains("\"kind\": \"PENDING\"");
            assertThat(report.text()).doesNotContain(LiveDatabases.PASSWORD);
        }
    }
}
