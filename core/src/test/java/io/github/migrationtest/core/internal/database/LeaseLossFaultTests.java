package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.server.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two runs on one server, in two JVMs: the first loses its lease session (an administrator
 * terminates it), and the second, starting meanwhile, looks for orphans. It must not take the live
 * run's template and clone for orphans.
 */
class LeaseLossFaultTests {

    @Test
    void aRunThatLosesItsLeaseSessionKeepsItsDatabases() throws Exception {
        PostgresServer host = TestDatabases.server();
        admin(host, "DROP ROLE IF EXISTS lease_runner");
        admin(host, "CREATE ROLE lease_runner LOGIN CREATEDB PASSWORD 'lease-secret'");
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LeasedRun.class.getName()).redirectErrorStream(true);
        builder.environment().put("MIGRATIONTEST_PROVIDER", "external");
        builder.environment().put("MIGRATIONTEST_EXTERNAL_URL", "jdbc:postgresql://127.0.0.1:" + host.address().port()
                + "/postgres?user=lease_runner");
        builder.environment().put("MIGRATIONTEST_EXTERNAL_PASSWORD", "lease-secret");
        Process first = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream()));
                PrintWriter input = new PrintWriter(first.getOutputStream(), true)) {
            String ready = awaitLine(output, "READY ");
            String[] names = ready.split(" ");

            // WHEN the first run's lease session is terminated
            admin(host, "select pg_terminate_backend(pid) from pg_stat_activity where usename = 'lease_runner'"
                    + " and application_name = 'migrationtest-lease'");
            // AND a second run looks for orphans meanwhile
            int dropped = TestDatabases.factory().dropOrphans();

            // THEN the first run's databases are still there, and it goes on cloning
            assertThat(exists(host, names[1])).as("the live run's template").isTrue();
            assertThat(exists(host, names[2])).as("the live run's clone").isTrue();
            input.println("CHECK");
            assertThat(awaitLine(output, "")).startsWith("OK ");
            assertThat(dropped).isZero();
        } finally {
            first.getOutputStream().close();
            if (!first.waitFor(60, TimeUnit.SECONDS)) {
                first.destroyForcibly();
            }
        }
    }

    private static String awaitLine(BufferedReader output, String prefix) throws Exception {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(prefix) && (!prefix.isEmpty() || line.startsWith("OK ") || line.startsWith("FAILED "))) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The first run ended without saying " + prefix + ":\n" + seen);
    }

    private static boolean exists(PostgresServer host, String name) throws Exception {
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static void admin(PostgresServer host, String sql) throws Exception {
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
