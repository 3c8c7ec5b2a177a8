package io.github.migrationtest.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Each known cause, proven by a real migration failing on a real server. */
class DiagnosisTests {

    @Test
    void anEnumThatExistsWhileItsMigrationIsUnrecorded() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/enums")) {
            db.migrateTo("1");
            db.execute("CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads')");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(finding.explanation()).startsWith("type platformtype already exists, but migration 2 that"
                    + " creates it is not recorded as applied");
            assertThat(finding.evidence()).containsExactly("the history has no successful entry for migration 2",
                    "type platformtype exists as an enum with labels [meta_ads, tiktok_ads]");
            assertThat(finding.fix()).contains("PostgreSQL has no CREATE TYPE IF NOT EXISTS")
                    .contains("IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'platformtype')");
        }
    }

    @Test
    void aTableCreatedOutsideTheChain() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/existing-table")) {
            db.migrateTo("1");
            db.execute("CREATE TABLE content (id serial PRIMARY KEY)");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(finding.explanation()).startsWith("table content already exists, but migration 2");
            assertThat(finding.fix()).contains("CREATE TABLE IF NOT EXISTS content");
        }
    }

    @Test
    void legacyValuesThatAreNotLabelsOfTheEnumTheColumnIsCastTo() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/enum-cast")) {
            db.migrateTo("1");
            db.execute("INSERT INTO companies (industry_type) VALUES ('tech'), ('default'), ('default'), ('default'),"
                    + " ('Fintech '), ('Fintech '), ('media'), (NULL)");

            MigrationFailure failure = db.migrate().failure().orElseThrow();
            Finding finding = finding(failure);

            assertThat(failure.sqlState()).contains("22P02");
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
            // The enum was created by the failed migration and rolled back with it: its labels come from the script.
            assertThat(finding.evidence()).containsExactly(
                    "companies.industry_type holds 2 distinct value(s) that are not labels of industry:",
                    "  'default' in 3 row(s)",
                    "  'Fintech ' in 2 row(s)",
                    "the labels of industry are [tech, media, retail]");
            assertThat(finding.fix()).startsWith("Map or clean those values in the same migration, before the cast");
        }
    }

    @Test
    void legacyValuesWhenTheEnumWasCreatedByAnEarlierMigration() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/enum-cast-later")) {
            db.migrateTo("2");
            db.execute("INSERT INTO companies (industry_type) VALUES ('retail'), ('default')");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.evidence()).containsExactly(
                    "companies.industry_type holds 1 distinct value(s) that are not labels of industry:",
                    "  'default' in 1 row(s)",
                    "the labels of industry are [tech, media, retail]");
        }
    }

    @Test
    void aSchemaTheMigrationAssumes() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/missing-schema")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_SCHEMA);
            assertThat(finding.explanation()).startsWith("the migration uses schema auth, which no migration");
            assertThat(finding.evidence()).containsExactly("the schemas of the database are [public]");
            assertThat(finding.fix()).startsWith("Create the schema in the chain (CREATE SCHEMA IF NOT EXISTS auth");
        }
    }

    @Test
    void aTriggerOnATableOfASchemaTheMigrationAssumes() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/missing-schema-trigger")) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.sqlState()).contains("3F000");
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.MISSING_SCHEMA);
        }
    }

    @Test
    void concurrentlyMixedWithTransactionalStatements() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/mixed-concurrently")) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.ENGINE_ERROR);
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.CONCURRENTLY_IN_TRANSACTION);
        }
    }

    @Test
    void concurrentlyInsideATransactionBlock() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/javaconcurrently")) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.sqlState()).contains("25001");
            assertThat(failure.migration().orElseThrow().id()).isEqualTo("2");
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.CONCURRENTLY_IN_TRANSACTION);
            assertThat(finding(failure).explanation()).startsWith("the statement cannot run inside a transaction block");
        }
    }

    @Test
    void anErrorSwallowedEarlierInTheTransaction() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/swallowed")) {
            db.migrateTo("1");
            db.execute("ALTER TYPE eventtype ADD VALUE 'archived'");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.sqlState()).contains("25P02");
            assertThat(failure.migration().orElseThrow().id()).isEqualTo("2");
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.ERROR_SWALLOWED_IN_TRANSACTION);
            assertThat(finding(failure).evidence())
                    .containsExactly("the error that was swallowed: enum label \"archived\" already exists");
        }
    }

    @Test
    void aNewEnumValueUsedInTheTransactionThatAddedIt() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/new-enum-value")) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.sqlState()).contains("55P04");
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.NEW_ENUM_VALUE_USED_IN_SAME_TRANSACTION);
        }
    }

    @Test
    void createIndexConcurrentlyUnderFlywaysTransactionalLock() {
        FlywayChain chain = TestDatabases.flyway("db/concurrently");
        try (MigrationDatabase db = TestDatabases.database(chain,
                Duration.ofSeconds(3))) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.TIMEOUT);
            assertThat(finding(failure).diagnosis()).isEqualTo(Diagnosis.CONCURRENT_INDEX_BLOCKED_BY_MIGRATION_LOCK);
            assertThat(finding(failure).fix()).startsWith("Set flyway.postgresql.transactional.lock=false");
        }
        FlywayChain fixed = FlywayChain.builder().locations("classpath:db/concurrently")
                .property("flyway.postgresql.transactional.lock", "false").build();
        try (MigrationDatabase db = TestDatabases.database(fixed,
                Duration.ofSeconds(30))) {
            assertThat(db.migrate().failure()).isEmpty();
        }
    }

    @Test
    void aMigrationLockHeldByAnotherInstance() throws Exception {
        FlywayChain chain = TestDatabases.flyway("db/diagnosis/slow");
        try (MigrationDatabase db = TestDatabases.database(chain,
                Duration.ofSeconds(3))) {
            // GIVEN another instance of the application is migrating (slowly) and holds Flyway's lock
            CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> Flyway.configure()
                    .dataSource(db.server().address().dataSource(db.name(), "other-instance")).locations("classpath:db/diagnosis/slow")
                    .load().migrate());
            awaitSession(db, "other-instance");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MIGRATION_LOCK_HELD);
            assertThat(finding.evidence()).singleElement().asString().contains("(other-instance, idle in transaction for ")
                    .contains("holds advisory lock (");
            assertThat(finding.fix()).startsWith("If that session belongs to a process that is gone, end it:"
                    + " SELECT pg_terminate_backend(");
            terminate(db, "other-instance");
            otherInstance.handle((ok, error) -> null).join();
        }
    }

    @Test
    void failuresWithoutAKnownCauseCarryTheirFactsButNoFinding() {
        FlywayChain chain = FlywayChain.builder().locations("classpath:db/two-step")
                .properties(Map.of("flyway.placeholders.table_name", "owners")).build();
        try (MigrationDatabase db = TestDatabases.database(chain,
                Duration.ofMinutes(1))) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.sqlState()).contains("22012");
            assertThat(failure.finding()).isEmpty();
        }
    }

    private static Finding finding(MigrationFailure failure) {
        assertThat(failure.finding()).as("finding of:\n%s", failure.describe()).isPresent();
        return failure.finding().get();
    }

    private static void awaitSession(MigrationDatabase db, String application) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!db.query("select 1 from pg_stat_activity where application_name = ? and state = 'active'"
                    + " and query like '%pg_sleep%'", application).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The other instance did not start migrating");
    }

    private static void terminate(MigrationDatabase db, String application) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + application + "'");
        }
    }
}
