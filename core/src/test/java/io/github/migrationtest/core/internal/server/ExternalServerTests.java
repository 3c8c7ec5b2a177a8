package io.github.migrationtest.core.internal.server;

import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external provider, against a server this test starts itself and gives roles to. */
class ExternalServerTests {

    private static PostgresServer host;

    @BeforeAll
    static void createRoles() throws Exception {
        host = TestDatabases.server();
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS ci_runner");
            s.execute("CREATE ROLE ci_runner LOGIN CREATEDB PASSWORD 'ci-secret'");
            s.execute("DROP ROLE IF EXISTS reader");
            s.execute("CREATE ROLE reader LOGIN PASSWORD 'reader-secret'");
        }
    }

    @Test
    void usesTheServerAtTheUrlWithItsOwnVersion() {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                external("ci_runner", "ci-secret"));

        assertThat(server.provider()).isEqualTo(ServerProvider.EXTERNAL);
        assertThat(server.majorVersion()).isEqualTo(17);
        assertThat(server.address().user()).isEqualTo("ci_runner");
        try (DisposableDatabase db = DatabaseFactory.on(server).createEmpty()) {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + host.address().port() + "/" + db.name());
        }
    }

    @Test
    void aKeptDatabaseOutlivesCloseAndTheMessageHoldsNoPassword() throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                external("ci_runner", "ci-secret"));
        DisposableDatabase db = DatabaseFactory.on(server).createEmpty();

        String message = db.keep();
        db.close();

        assertThat(message).isEqualTo("Kept database " + db.name() + " on external PostgreSQL " + server.version()
                + " at 127.0.0.1:" + host.address().port() + ".\nThe external server keeps running; migrationtest never"
                + " stops it.");
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select shobj_description(oid, 'pg_database') from pg_database where datname = '"
                    + db.name() + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("migrationtest kept (migrationtest.keep-failed) from run ");
            s.execute("DROP DATABASE " + db.name());
        }
    }

    @Test
    void aUserWithoutCreatedbIsTurnedAwayWithTheGrantToRun() {
        assertThatThrownBy(() -> PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                external("reader", "reader-secret")))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("The external server reader@127.0.0.1:" + host.address().port() + " does not let user"
                        + " 'reader' create databases, and every test needs one of its own. Grant it:"
                        + " ALTER ROLE \"reader\" CREATEDB;");
    }

    @Test
    void aVersionOtherThanTheServersIsRefused() {
        assertThatThrownBy(() -> PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.of(15),
                external("ci_runner", "ci-secret")))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageStartingWith("The external server ci_runner@127.0.0.1:" + host.address().port()
                        + " runs PostgreSQL 17.")
                .hasMessageEndingWith("but the test asks for PostgreSQL 15. Ask for postgres = \"17\" (or leave"
                        + " migrationtest.postgres unset to use the server's version), or point"
                        + " migrationtest.external.url at a 15 server.");
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                external("ci_runner", "wrong-secret")))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageContaining("Could not connect to the external server ci_runner@127.0.0.1")
                .hasMessageContaining("password authentication failed for user \"ci_runner\"")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void credentialsInTheUrlAreUsed() {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                Configuration.load(Map.of("migrationtest.external.url", "jdbc:postgresql://127.0.0.1:"
                        + host.address().port() + "/postgres?user=ci_runner&password=ci-secret")));

        assertThat(server.address().user()).isEqualTo("ci_runner");
        try (DisposableDatabase db = DatabaseFactory.on(server).createEmpty()) {
            assertThat(db.name()).startsWith("mt_");
        }
    }

    @Test
    void aWrongPasswordInTheUrlIsRedactedFromTheMessage() {
        assertThatThrownBy(() -> PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                Configuration.load(Map.of("migrationtest.external.url", "jdbc:postgresql://127.0.0.1:"
                        + host.address().port() + "/postgres?user=ci_runner&password=wrong-secret&ssl=false"))))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("Could not connect to the external server ci_runner@127.0.0.1:" + host.address().port()
                        + " (jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres?user=ci_runner"
                        + "&password=***&ssl=false): FATAL: password authentication failed for user \"ci_runner\"."
                        + " Check migrationtest.external.url, migrationtest.external.user and"
                        + " migrationtest.external.password (or migrationtest.external.password-file).");
    }

    @Test
    void thePasswordCanComeFromAFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("pg-password"), "ci-secret\n");

        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                Configuration.load(Map.of(
                        "migrationtest.external.url", "jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres",
                        "migrationtest.external.user", "ci_runner",
                        "migrationtest.external.password-file", file.toString())));

        try (DisposableDatabase db = DatabaseFactory.on(server).createEmpty()) {
            assertThat(db.name()).startsWith("mt_");
        }
    }

    @Test
    void aPasswordFileThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                Configuration.load(Map.of(
                        "migrationtest.external.url", "jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres",
                        "migrationtest.external.password-file", "/nonexistent/pg-password"))))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("migrationtest.external.password-file is '/nonexistent/pg-password', which cannot be read"
                        + " (NoSuchFileException). Point it at a file whose first line is the password, readable by the"
                        + " user that runs the build.");
    }

    @Test
    void aMarkedDatabaseTheUserCannotDropIsNotCountedAsDropped() throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(),
                external("ci_runner", "ci-secret"));
        DatabaseFactory factory = DatabaseFactory.on(server);
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS mt_t_forged_1");
            s.execute("DROP ROLE IF EXISTS someone_else");
            s.execute("CREATE ROLE someone_else");
            // A marker of a run that is gone, on a database of another role: ci_runner may not drop it.
            s.execute("CREATE DATABASE mt_t_forged_1 OWNER someone_else");
            s.execute("COMMENT ON DATABASE mt_t_forged_1 IS 'migrationtest run 123456 empty test database, created"
                    + " 2026-01-01T00:00:00Z'");
            try {
                assertThat(factory.dropOrphans()).isZero();
                var rs = s.executeQuery("select count(*) from pg_database where datname = 'mt_t_forged_1'");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            } finally {
                s.execute("DROP DATABASE mt_t_forged_1");
                s.execute("DROP ROLE someone_else");
            }
        }
    }

    private static Configuration external(String user, String password) {
        return Configuration.load(Map.of(
                "migrationtest.external.url", "jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres",
                "migrationtest.external.user", user,
                "migrationtest.external.password", password));
    }
}
