package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * keep-failed end to end: the failed test's database outlives the JVM that ran it, on an embedded
 * server left running, and the printed instructions connect to it without printing the password.
 */
class KeepFailedTests {

    private static final Pattern CONNECT = Pattern.compile(
            "PGPASSFILE=(\\S+) psql -h 127\\.0\\.0\\.1 -p (\\d+) -U postgres (mt_t_\\w+)");
    private static final Pattern STOP = Pattern.compile("Stop it with: kill -INT (\\d+) && rm -rf (\\S+)");

    @Test
    void theFailedTestsDatabaseCanBeInspectedAfterTheRun() throws Exception {
        String output = ChildJvm.run(KeepFailedTestCases.FailingTest.class, entry -> false, Map.of());
        Matcher connect = CONNECT.matcher(output);
        Matcher stop = STOP.matcher(output);
        assertThat(connect.find()).as("connection instructions in:\n%s", output).isTrue();
        assertThat(stop.find()).as("stop instructions in:\n%s", output).isTrue();
        try {
            assertThat(output).contains("[migrationtest] fails(MigrationDatabase) failed. Kept database "
                    + connect.group(3) + " on embedded PostgreSQL 17.");
            assertThat(output.lines().filter(l -> l.contains("Kept database"))).hasSize(1);
            String pgpass = Files.readString(Paths.get(connect.group(1))).trim();
            String password = pgpass.substring(pgpass.lastIndexOf(':') + 1);
            assertThat(output).doesNotContain(password);

            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + connect.group(2) + "/"
                    + connect.group(3), "postgres", password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select email from accounts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept@example.com");
            }
        } finally {
            new ProcessBuilder("kill", "-INT", stop.group(1)).start().waitFor();
            ProcessHandle.of(Long.parseLong(stop.group(1))).ifPresent(p -> p.onExit().join());
            new ProcessBuilder("rm", "-rf", stop.group(2)).start().waitFor();
        }
    }
}
