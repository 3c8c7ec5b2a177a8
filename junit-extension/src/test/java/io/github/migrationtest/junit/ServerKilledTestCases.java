package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The embedded server dies after the first test (it kills the server this run started); launched by {@link ServerDeathTests}. */
@MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerKilledTestCases {

    @Test
    @Order(1)
    void killsTheServer(MigrationDatabase db) throws Exception {
        ProcessHandle postmaster;
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            // Looked up while the session is open: its backend process ends with it.
            postmaster = ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow();
        }
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    @Test
    @Order(2)
    void second(MigrationDatabase db) {
        assertThat(db).isNotNull();
    }

    @Test
    @Order(3)
    void third(@Migrated MigrationDatabase db) {
        assertThat(db).isNotNull();
    }

    @Test
    @Order(4)
    void fourth(MigrationDatabase db) {
        assertThat(db).isNotNull();
    }
}
