package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cleanup after killed runs, on real processes: a stale pid file that names someone else's server,
 * and the shared memory a postmaster killed with -9 leaves behind.
 */
class ForeignProcessFaultTests {

    @Test
    void aStalePidFileNamingAnotherServerLeavesThatServerAlone() throws Exception {
        // GIVEN a PostgreSQL server that is not the orphan's (this test starts it, as another run would)
        Workspace workspace = Workspace.forCurrentUser(Configuration.load());
        Configuration configuration = Configuration.load();
        Binaries binaries = BinariesLocator.require(17, configuration).install(workspace);
        EmbeddedPostgresServer foreign = EmbeddedPostgresServer.start(binaries, workspace,
                OsAccount.forServer(configuration), Duration.ofSeconds(10));
        long foreignPid = Postmaster.of(foreignDataDirectory(foreign)).orElseThrow().pid();
        // AND the directory of a server whose JVM was killed, whose stale pid file now names that pid
        Path orphan = workspace.servers().resolve("pg17-orphan" + foreignPid);
        Files.createDirectories(orphan.resolve("data"));
        Files.writeString(orphan.resolve("owner"), "999999999 1");
        Files.write(orphan.resolve("data/postmaster.pid"), List.of(Long.toString(foreignPid),
                orphan.resolve("data").toString(), Long.toString(Instant.now().minus(1, ChronoUnit.DAYS).getEpochSecond()),
                "5432", "", "127.0.0.1", "  1234  5678", "ready   "));
        try {
            // WHEN the next run removes orphaned servers
            workspace.removeOrphanedServers();

            // THEN the orphan's directory is gone, and the other server still runs and answers
            assertThat(orphan).doesNotExist();
            assertThat(ProcessHandle.of(foreignPid).map(ProcessHandle::isAlive)).contains(true);
            try (Connection c = foreign.address().connect("postgres", "test"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            foreign.stop();
            Workspace.deleteRecursively(orphan);
        }
    }

    @Test
    void aProcessIsTakenForTheServerOnlyWithItsDataDirectoryAndStartTime() throws Exception {
        Path data = Paths.get("/nonexistent/pg17-x/data");
        long self = ProcessHandle.current().pid();
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();

        assertThat(new Postmaster(self, Paths.get("/elsewhere/data"), started, Optional.empty()).notOurs(data))
                .contains("the pid file names the data directory /elsewhere/data, not " + data);
        assertThat(new Postmaster(self, data, started.minus(1, ChronoUnit.HOURS), Optional.empty()).notOurs(data))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("process " + self + " started at "));
        assertThat(new Postmaster(self, data, started, Optional.empty()).notOurs(data))
                .hasValueSatisfying(reason -> assertThat(reason).endsWith(", not postgres"));
    }

    @Test
    void theSharedMemoryOfAPostmasterKilledWithSigkillIsRemovedByTheNextRun() throws Exception {
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ServerThenHang.class.getName()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("READY ")) {
            // Skip what the child logs before it is ready.
        }
        assertThat(line).as("the child JVM's server started").isNotNull();
        Path directory = serverOwnedBy(child.pid());
        Postmaster postmaster = Postmaster.of(directory.resolve("data")).orElseThrow();
        Postmaster.SharedMemory memory = postmaster.sharedMemory().orElseThrow();
        assertThat(SystemVSegments.find(memory.id())).as("the server's segment").isPresent();
        assertThat(Files.readString(Paths.get("/proc/" + postmaster.pid() + "/maps")))
                .as("dynamic shared memory in the data directory, not in /dev/shm").doesNotContain("/dev/shm/PostgreSQL.");

        // WHEN the JVM and its server (both started by this test) are killed with -9
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor();
        ProcessHandle.of(postmaster.pid()).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        awaitDetached(memory.id());
        assertThat(SystemVSegments.find(memory.id())).as("the segment left by the killed postmaster").isPresent();

        // THEN the next run removes the segment with the directory
        Workspace.forCurrentUser(Configuration.load()).removeOrphanedServers();

        assertThat(SystemVSegments.find(memory.id())).isEmpty();
        assertThat(directory).doesNotExist();
    }

    private static void awaitDetached(long id) throws InterruptedException {
        for (int i = 0; i < 300 && SystemVSegments.find(id).map(s -> s.attached() > 0).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    private static Path foreignDataDirectory(EmbeddedPostgresServer server) throws Exception {
        try (Connection c = server.address().connect("postgres", "test"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            return Paths.get(rs.getString(1));
        }
    }

    private static Path serverOwnedBy(long pid) throws Exception {
        try (Stream<Path> list = Files.list(Workspace.forCurrentUser(Configuration.load()).servers())) {
            for (Path directory : list.toList()) {
                Path owner = directory.resolve("owner");
                if (Files.exists(owner) && Files.readString(owner).startsWith(pid + " ")) {
                    return directory;
                }
            }
        }
        throw new AssertionError("No server directory of JVM " + pid);
    }
}
