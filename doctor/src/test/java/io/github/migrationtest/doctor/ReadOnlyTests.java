package io.github.migrationtest.doctor;

import static io.github.migrationtest.doctor.DoctorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import io.github.migrationtest.scenarios.BrokenStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The doctor writes nothing: not through its own sessions, and not through the engine it calls. */
class ReadOnlyTests {

    @Test
    void examiningChangesNoSchemaNoHistoryAndNoRowCounter() throws Exception {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("1");
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));
            db.execute("ALTER TABLE accounts ADD COLUMN nickname text");
            db.seed(BrokenStates.invalidIndex("accounts_nickname", "accounts", "nickname"));
            db.execute("INSERT INTO accounts (email) VALUES ('a@example.com')");
            State before = State.of(db);

            DoctorReport report = LiveDatabases.doctor().examine(LiveDatabases.live(db));

            assertThat(report).hasFinding(Kind.OBJECT_ALREADY_EXISTS, Kind.INVALID_INDEX);
            State after = State.of(db);
            assertThat(after.schema()).isEqualTo(before.schema());
            assertThat(after.history()).isEqualTo(before.history());
            assertThat(after.writes()).as("rows and catalog rows inserted, updated, deleted in the database")
                    .isEqualTo(before.writes());

            // The counters are not blind: one write through an ordinary session moves them.
            db.execute("INSERT INTO accounts (email) VALUES ('b@example.com')");
            assertThat(State.of(db).writes()).isNotEqualTo(after.writes());
        }
    }

    @Test
    void aWriteThroughTheDoctorsSessionFailsEvenForASuperuser() throws SQLException {
        try (MigrationDatabase db = LiveDatabases.create();
                Connection doctor = LiveDatabases.live(db).connect();
                Statement statement = doctor.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE written_by_the_doctor (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
            assertThat(db.query("select count(*) as n from pg_tables where tablename = 'written_by_the_doctor'")
                    .get(0)).containsEntry("n", 0L);
            assertThat(db.query("select rolsuper from pg_roles where rolname = ?", LiveDatabases.USER).get(0))
                    .containsEntry("rolsuper", true);
        }
    }

    @Test
    void theEngineRunThroughTheDoctorsDataSourceCannotMigrate() {
        try (MigrationDatabase db = LiveDatabases.create()) {
            db.migrateTo("1");

            MigrationResult result = LiveDatabases.CHAIN.migrate(LiveDatabases.live(db).dataSource(), Optional.empty());

            assertThat(result.succeeded()).isFalse();
            assertThat(db.history()).hasSize(1);
        }
    }

    /** What a write would change: the schema, the history, and the database's row counters. */
    private record State(String schema, List<Map<String, Object>> history, Map<String, Object> writes) {
        static State of(MigrationDatabase db) throws InterruptedException {
            // Sessions report their counters when they end; wait until the doctor's have been counted.
            Map<String, Object> writes = counters(db);
            for (int i = 0; i < 20; i++) {
                Thread.sleep(100);
                Map<String, Object> again = counters(db);
                if (again.equals(writes)) {
                    break;
                }
                writes = again;
            }
            return new State(SchemaSnapshot.of(db).canonicalText(),
                    db.query("select * from flyway_schema_history order by installed_rank"), writes);
        }

        private static Map<String, Object> counters(MigrationDatabase db) {
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("select pg_stat_clear_snapshot()");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return db.query("select tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = ?",
                    db.name()).get(0);
        }
    }
}
