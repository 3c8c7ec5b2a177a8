package io.github.migrationtest.core.internal.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpLoaderTests {

    @Test
    void copyDataKeepsTabsBackslashesAndNulls() throws SQLException {
        String dump = """
                CREATE TABLE public.notes (id integer, body text);
                COPY public.notes (id, body) FROM stdin;
                1	a\\tb; c
                2	\\N
                3	back\\\\slash
                \\.
                """;
        try (DisposableDatabase database = TestDatabases.empty()) {
            load(database, dump, RolePolicy.SKIP);

            assertThat(TestDatabases.strings(database, "select coalesce(body, '<null>') from public.notes order by id"))
                    .containsExactly("a\tb; c", "<null>", "back\\slash");
        }
    }

    @Test
    void createsMissingRolesWhenAskedAndTheStatementsNamingThemRun() throws SQLException {
        String role = "mt_dump_role_" + Long.toHexString(System.nanoTime());
        String dump = "CREATE TABLE public.t (id integer);\nALTER TABLE public.t OWNER TO " + role + ";\n"
                + "GRANT SELECT ON TABLE public.t TO " + role + ";\n";
        try (DisposableDatabase database = TestDatabases.empty()) {
            LoadReport report = load(database, dump, RolePolicy.CREATE);

            assertThat(report.createdRoles()).containsExactly(role);
            assertThat(report.skipped()).isEmpty();
            assertThat(TestDatabases.strings(database, "select tableowner from pg_tables where tablename = 't'"))
                    .containsExactly(role);
        }
    }

    @Test
    void skipsStatementsNamingMissingRolesByDefault() throws SQLException {
        String dump = "CREATE TABLE public.t (id integer);\n\nGRANT SELECT ON TABLE public.t TO no_such_role_here;\n";
        try (DisposableDatabase database = TestDatabases.empty()) {
            LoadReport report = load(database, dump, RolePolicy.SKIP);

            assertThat(report.skipped()).containsExactly("test.sql:3: GRANT SELECT ON TABLE public.t TO no_such_role_here");
            assertThat(report.statements()).isEqualTo(1);
        }
    }

    @Test
    void passesOverCreateSchemaPublicWhichEveryDatabaseHas() throws SQLException {
        try (DisposableDatabase database = TestDatabases.empty()) {
            LoadReport report = load(database, "CREATE SCHEMA public;\nCREATE TABLE public.t (id integer);\n",
                    RolePolicy.SKIP);

            assertThat(TestDatabases.tables(database)).containsExactly("public.t");
            assertThat(report.statements()).isEqualTo(1);
        }
    }

    @Test
    void aFailingStatementNamesFileLineStatementAndError() {
        String dump = "SET lock_timeout = 0;\n\nCREATE TABLE billing.t (id integer);\n";
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> load(database, dump, RolePolicy.SKIP))
                    .isInstanceOf(MigrationTestException.class)
                    .hasMessageStartingWith("The dump test.sql does not load: line 3: ERROR 3F000: schema \"billing\""
                            + " does not exist")
                    .hasMessageContaining("statement: CREATE TABLE billing.t (id integer)")
                    .hasMessageContaining("pg_dump --schema-only");
        }
    }

    @Test
    void refusesADumpThatSwitchesDatabases() {
        String dump = "CREATE DATABASE prod;\n\\connect prod\nCREATE TABLE t (id integer);\n";
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> load(database, "\\connect prod\n" + dump, RolePolicy.SKIP))
                    .hasMessageContaining("switches databases at line 1 (\\connect prod)")
                    .hasMessageContaining("without --create");
            assertThat(TestDatabases.tables(database)).isEmpty();
        }
    }

    @Test
    void refusesMetaCommandsItCannotFollow() {
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> load(database, "SELECT 1;\n\\i other.sql\n", RolePolicy.SKIP))
                    .hasMessageContaining("the psql meta-command \\i at line 2");
        }
    }

    private static LoadReport load(DisposableDatabase database, String dump, RolePolicy roles) throws SQLException {
        try (Connection connection = database.connect()) {
            return DumpLoader.load(connection, List.of(new DumpFile("test.sql", dump)), roles);
        }
    }
}
