package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Logins to the embedded server: cheap, and still by password. */
class EmbeddedLoginTests {

    @Test
    void theSuperuserVerifierIsScramWithOneRound() throws SQLException {
        PostgresServer server = TestDatabases.server();
        try (Connection connection = server.address().connect("postgres", "login-test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select rolpassword, current_setting('scram_iterations'),"
                        + " current_setting('password_encryption') from pg_authid where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$" + LoginCost.SCRAM_ITERATIONS + ":");
            assertThat(rs.getString(2)).isEqualTo(String.valueOf(LoginCost.SCRAM_ITERATIONS));
            assertThat(rs.getString(3)).isEqualTo("scram-sha-256");
        }
    }

    @Test
    void aWrongPasswordIsStillRefused() {
        ServerAddress address = TestDatabases.server().address();

        assertThatThrownBy(() -> DriverManager.getConnection(address.jdbcUrl("postgres"), address.user(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void noOptionBeforePostgresql16() {
        assertThat(LoginCost.initdbOptions(15)).isEmpty();
        assertThat(LoginCost.initdbOptions(16)).containsExactly("-c", "scram_iterations=1");
    }
}
