package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrphanedServerTests {

    @Test
    void aServerLeftByAKilledJvmIsStoppedAndRemovedByTheNextRun() throws Exception {
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ServerThenHang.class.getName()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("READY ")) {
            // Skip whatever the child logs before it is ready.
        }
        assertThat(line).as("the child JVM's server started").isNotNull();
        Path serverDirectory = serverOwnedBy(child.pid()).orElseThrow();
        long postmaster = Workspace.postmasterPid(serverDirectory.resolve("data")).orElseThrow();

        // WHEN the JVM is killed without a chance to stop its server
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmaster)).as("the orphaned postmaster").isPresent();

        // THEN the next run stops it and removes its directory
        Workspace.forCurrentUser(Configuration.load()).removeOrphanedServers();

        assertThat(ProcessHandle.of(postmaster).map(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join())
                .filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(serverDirectory).doesNotExist();
    }

    @Test
    void serversOfLiveJvmsAndKeptServersAreLeftAlone() throws Exception {
        Workspace workspace = Workspace.forCurrentUser(Configuration.load());
        Path live = workspace.newServerDirectory(17);
        Path kept = workspace.newServerDirectory(17);
        Files.writeString(kept.resolve("owner"), "999999999 1");
        Workspace.markKept(kept);
        try {
            workspace.removeOrphanedServers();

            assertThat(live).exists();
            assertThat(kept).exists();
        } finally {
            Workspace.deleteRecursively(live);
            Workspace.deleteRecursively(kept);
        }
    }

    private static Optional<Path> serverOwnedBy(long pid) throws Exception {
        Path servers = Workspace.forCurrentUser(Configuration.load()).servers();
        try (Stream<Path> list = Files.list(servers)) {
            List<Path> directories = list.toList();
            for (Path directory : directories) {
                String owner = Files.readString(directory.resolve("owner")).trim();
                if (owner.startsWith(pid + " ")) {
                    return Optional.of(directory);
                }
            }
        }
        return Optional.empty();
    }

}
