package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import org.junit.jupiter.api.Test;

/** Objects present, schemas missing and migrations half applied, against the chains of seeds 001 and 003. */
class ObjectStatesTests {

    // A database that predates the chain has tables and no history: Flyway adopts it with a baseline below V1.
    private static final FlywayChain TABLES = Databases.chain("existing-tables", "original",
            "flyway.baselineOnMigrate", "true", "flyway.baselineVersion", "0");
    private static final FlywayChain TABLES_FIXED = Databases.chain("existing-tables", "fixed",
            "flyway.baselineOnMigrate", "true", "flyway.baselineVersion", "0");
    private static final FlywayChain AUTH = Databases.chain("auth-schema", "original");
    private static final FlywayChain AUTH_FIXED = Databases.chain("auth-schema", "fixed");
    private static final FlywayChain INDEXES = Databases.chain("event-indexes", "original");
    private static final FlywayChain INDEXES_FIXED = Databases.chain("event-indexes", "fixed");

    @Test
    void aMigrationAppliedButUnrecordedFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.empty(TABLES)) {
            db.seed(BrokenStates.objectsPresentButUnrecorded("1"));

            assertThat(db.history()).isEmpty();
            assertThat(db.migrate()).failedAt("1").withSqlState("42P07")
                    .withMessageContaining("relation \"users\" already exists")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    @Test
    void aMigrationAppliedButUnrecordedIsSurvivedByTheFixedChain() {
        try (MigrationDatabase db = Databases.empty(TABLES_FIXED)) {
            db.seed(BrokenStates.objectsPresentButUnrecorded("1"));

            assertThat(db.migrate()).succeeded().hasApplied("1", "2");
        }
    }

    @Test
    void aTableInAnOlderShapeFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.empty(TABLES)) {
            db.seed(BrokenStates.tableAlreadyExists("users", "id varchar PRIMARY KEY, email varchar NOT NULL"));

            assertThat(db.migrate()).failedAt("1").withSqlState("42P07")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    @Test
    void tablesOutsideTheChainAndNoHistoryStopFlywayUnlessItBaselines() {
        try (MigrationDatabase db = Databases.empty(Databases.chain("existing-tables", "fixed"))) {
            db.seed(BrokenStates.tableAlreadyExists("users", "id varchar PRIMARY KEY, email varchar NOT NULL"));

            assertThat(db.migrate()).failed().appliedNothing()
                    .hasDiagnosis(Diagnosis.EXISTING_SCHEMA_WITHOUT_HISTORY);
        }
    }

    @Test
    void aTableInAnOlderShapeIsCompletedByTheFixedChain() {
        try (MigrationDatabase db = Databases.empty(TABLES_FIXED)) {
            db.seed(BrokenStates.tableAlreadyExists("users", "id varchar PRIMARY KEY, email varchar NOT NULL"));
            Rows.in(db).insert("users", "id", "u1");

            // Flyway baselines the database below V1 (a history row of its own), then runs V1 and V2 over the table.
            assertThat(db.migrate()).succeeded();
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("0", "1", "2");
            assertThat(db).table("users").column("password").hasType("text").isNotNullable();
            assertThat(db.query("select password from users")).extracting(row -> row.get("password"))
                    .containsExactly("temp_password_needs_reset");
        }
    }

    @Test
    void aColumnAndAnIndexAddedOutsideTheChainFailTheOriginalChain() {
        try (MigrationDatabase column = Databases.at(TABLES, "1"); MigrationDatabase index = Databases.at(TABLES, "1")) {
            column.seed(BrokenStates.columnAlreadyExists("content", "day_number", "integer"));
            index.seed(BrokenStates.indexAlreadyExists("idx_content_user_id", "content", "user_id"));

            assertThat(column.migrate()).failedAt("2").withSqlState("42701")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(index.migrate()).failedAt("2").withSqlState("42P07")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    @Test
    void aColumnAndAnIndexAddedOutsideTheChainAreSurvivedByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(TABLES_FIXED, "1")) {
            db.seed(BrokenStates.columnAlreadyExists("content", "day_number", "integer")
                    .and(BrokenStates.indexAlreadyExists("idx_content_user_id", "content", "user_id")));

            assertThat(db.migrate()).succeeded().hasApplied("2");
        }
    }

    @Test
    void aMissingPlatformSchemaFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(AUTH, "1")) {
            db.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY)");   // what the platform provides
            db.seed(BrokenStates.missingSchema("auth"));

            assertThat(db.migrate()).failedAt("2").hasDiagnosis(Diagnosis.MISSING_SCHEMA);
        }
    }

    @Test
    void aMissingPlatformSchemaIsSurvivedByTheFixedChain() {
        try (MigrationDatabase without = Databases.at(AUTH_FIXED, "1"); MigrationDatabase with = Databases.at(AUTH_FIXED, "1")) {
            without.seed(BrokenStates.missingSchema("auth"));
            with.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY)");

            assertThat(without.migrate()).succeeded().hasApplied("2");
            assertThat(with.migrate()).succeeded().hasApplied("2");
            assertThat(with).table("auth.users").trigger("create_profile_on_signup").exists();
        }
    }

    @Test
    void aPartiallyAppliedMigrationFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(INDEXES, "1")) {
            db.seed(BrokenStates.partiallyApplied("2", 1));

            assertThat(db).table("events").index("events_user_id").isValid();
            assertThat(db.migrate()).failedAt("2").withSqlState("42P07")
                    .withMessageContaining("relation \"events_user_id\" already exists")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    @Test
    void aPartiallyAppliedMigrationIsCompletedByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(INDEXES_FIXED, "1")) {
            db.seed(BrokenStates.partiallyApplied("2", 2));

            assertThat(db.migrate()).succeeded().hasApplied("2");
            assertThat(db).table("events").index("events_external_key").isValid().isUnique();
        }
    }

    @Test
    void partialApplicationNeedsAStatementCountTheMigrationHas() {
        try (MigrationDatabase db = Databases.at(INDEXES, "1")) {
            assertThat(catchThrowable(() -> db.seed(BrokenStates.partiallyApplied("2", 3)))).hasMessage(
                    "partiallyApplied(\"2\", 3): migration 2 \"index events\" (V2__index_events.sql) has 2 statement(s);"
                            + " give a number from 1 to 2.");
        }
    }

    @Test
    void appliedButUnrecordedNeedsTheMigrationToBeNext() {
        try (MigrationDatabase db = Databases.empty(TABLES)) {
            assertThat(catchThrowable(() -> db.seed(BrokenStates.objectsPresentButUnrecorded("2")))).hasMessage(
                    "objectsPresentButUnrecorded(\"2\"): migration 1 comes first and is not applied in " + db.name()
                            + ". Migrate to it first: db.migrateTo(\"1\").");
        }
    }
}
