package io.github.migrationtest.core.internal.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlywayChainTests {

    @Test
    void aStatementFailureCarriesMigrationStatementAndServerFacts() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/enums")) {
            // GIVEN the enum exists although the migration that creates it is not recorded
            db.migrateTo("1");
            db.execute("CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads')");

            MigrationResult result = db.migrate();

            assertThat(result.applied()).isEmpty();
            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.SQL_ERROR);
            assertThat(failure.migration().orElseThrow().id()).isEqualTo("2");
            assertThat(failure.migration().orElseThrow().script()).isEqualTo("V2__create_platform_type.sql");
            assertThat(failure.sqlState()).contains("42710");
            assertThat(failure.message()).isEqualTo("type \"platformtype\" already exists");
            assertThat(failure.statement()).hasValueSatisfying(s -> assertThat(s).startsWith("CREATE TYPE platformtype"));
            assertThat(failure.describe()).startsWith("migration 2 \"create platform type\" (V2__create_platform_type.sql)"
                    + " failed:\n  ERROR 42710: type \"platformtype\" already exists\n  statement: CREATE TYPE platformtype");
            // PostgreSQL rolled the whole migration back: the table it created first is gone too
            assertThat(db.query("select to_regclass('campaigns') as t").get(0)).containsEntry("t", null);
        }
    }

    @Test
    void aFailureAfterSomeMigrationsKeepsWhatWasApplied() {
        FlywayChain chain = FlywayChain.builder().locations("classpath:db/two-step")
                .property("flyway.placeholders.table_name", "owners").build();
        try (MigrationDatabase db = TestDatabases.database(chain,
                Duration.ofMinutes(1))) {
            MigrationResult result = db.migrate();

            assertThat(result.appliedIds()).containsExactly("1");
            assertThat(result.failure().orElseThrow().sqlState()).contains("22012");
            assertThat(result.failure().orElseThrow().migration().orElseThrow().id()).isEqualTo("2");
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1");
            assertThat(db.query("select to_regclass('owners')::text as t").get(0)).containsEntry("t", "owners");
        }
    }

    @Test
    void migrateToStopsAtTheTarget() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/enums")) {
            assertThat(db.migrateTo("1").appliedIds()).containsExactly("1");
            assertThat(db.migrate().appliedIds()).containsExactly("2");
        }
    }

    @Test
    void aRunToATargetLeavesRepeatablesToTheRunThatReachesTheHead() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/repeatable-views")) {
            // The view refers to V2's table: applied at version 1, as Flyway would, it fails.
            assertThat(db.migrateTo("1").appliedIds()).containsExactly("1");
            assertThat(db.query("select to_regclass('order_totals') as v").get(0)).containsEntry("v", null);

            assertThat(db.migrate().appliedIds()).containsExactly("2", "R__order totals");
            assertThat(db.query("select to_regclass('order_totals')::text as v").get(0)).containsEntry("v", "order_totals");
        }
    }

    @Test
    void aRunToATargetAcceptsTheRepeatablesOfADatabaseThatWasAtTheHead() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/repeatable-views")) {
            db.migrate();
            db.execute("DROP VIEW order_totals; DROP TABLE orders; DELETE FROM flyway_schema_history WHERE version = '2'");

            // The history still records the repeatable, which a run to a target does not resolve: not drift.
            assertThat(db.migrateTo("2").appliedIds()).containsExactly("2");
        }
    }

    @Test
    void aValidationFailureIsAnEngineErrorWithoutMigration() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/enums")) {
            db.migrate();
            db.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.ENGINE_ERROR);
            assertThat(failure.migration()).isEmpty();
            assertThat(failure.engineMessage()).contains("checksum mismatch");
        }
    }

    @Test
    void historyReflectsTheTable() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/enums")) {
            assertThat(db.history()).isEmpty();
            db.migrate();

            assertThat(db.history()).extracting(HistoryEntry::rank, HistoryEntry::id, HistoryEntry::success)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "1", true),
                            org.assertj.core.groups.Tuple.tuple(2, "2", true));
        }
    }

    @Test
    void theHistoryTableFollowsTheSettings() {
        assertThat(TestDatabases.flyway("db/enums").engineHistory().table()).isEqualTo("flyway_schema_history");
        assertThat(FlywayChain.builder().locations("classpath:db/enums").property("flyway.defaultSchema", "billing")
                .property("flyway.table", "schema_history").build().engineHistory().table())
                .isEqualTo("billing.schema_history");
        assertThat(FlywayChain.builder().locations("classpath:db/enums").property("flyway.schemas", "app,audit")
                .build().engineHistory().table()).isEqualTo("app.flyway_schema_history");
    }

    @Test
    void aBaselineIsNotReportedAsAnAppliedMigration() {
        FlywayChain chain = FlywayChain.builder().locations("classpath:db/enums")
                .property("flyway.baselineOnMigrate", "true").property("flyway.baselineVersion", "1").build();
        try (MigrationDatabase db = TestDatabases.database(chain,
                Duration.ofMinutes(1))) {
            // GIVEN a database whose first migration's table exists, created before the chain had a history
            db.execute("CREATE TABLE companies (id bigint PRIMARY KEY, name text NOT NULL)");

            assertThat(db.migrate().appliedIds()).containsExactly("2");
        }
    }
}
