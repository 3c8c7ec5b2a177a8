package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded provider's directories: unpacked binaries under the temp directory (kept between
 * runs), and one directory per running server, in RAM where possible (removed when the server stops,
 * or by the next run if the JVM that owned it was killed).
 */
final class Workspace {

    private static final String OWNER_FILE = "owner";
    private static final String KEPT_FILE = "kept";

    private static final Path RAM = Paths.get("/dev/shm");
    private static final long RAM_NEEDED = 2L << 30;

    private final Path root;
    private final Path servers;

    private Workspace(Path root, Path servers) {
        this.root = root;
        this.servers = servers;
    }

    /** The workspace with servers where the setting says; {@code auto} prefers RAM. */
    static Workspace forCurrentUser(Configuration configuration) {
        String configured = configuration.get(Setting.EMBEDDED_DATA_DIRECTORY);
        Path servers = configured.equals("auto") ? defaultServersRoot()
                : Paths.get(configured, userDirectoryName()).resolve("servers");
        Workspace workspace = new Workspace(diskRoot(), servers);
        workspace.createReadableDirectory(workspace.root);
        workspace.createReadableDirectory(workspace.root.resolve("binaries"));
        workspace.createReadableDirectory(servers.getParent());
        workspace.createReadableDirectory(servers);
        return workspace;
    }

    /** The workspace with servers in the default place; enough to find orphans in any place. */
    static Workspace forCurrentUser() {
        return forCurrentUser(Configuration.load());
    }

    private static Path diskRoot() {
        return Paths.get(System.getProperty("java.io.tmpdir"), userDirectoryName());
    }

    private static Path defaultServersRoot() {
        // Creating a database copies hundreds of files; on a RAM file system that is ten times faster.
        try {
            if (Files.isDirectory(RAM) && Files.isWritable(RAM) && Files.getFileStore(RAM).getUsableSpace() > RAM_NEEDED) {
                return RAM.resolve(userDirectoryName()).resolve("servers");
            }
        } catch (IOException e) {
            // Fall back to the temp directory.
        }
        return diskRoot().resolve("servers");
    }

    private static String userDirectoryName() {
        return "migrationtest-" + System.getProperty("user.name");
    }

    /** Where this workspace puts server directories. */
    Path servers() {
        return servers;
    }

    /** Binaries unpacked from an archive, unpacking them once per machine. */
    Binaries unpacked(String key, String origin, BinarySource.ArchiveOpener opener) {
        // Also when unpacked already: a build must not pass on one machine only because of an earlier run.
        ArchiveLibraries.require(origin);
        Path target = root.resolve("binaries").resolve(key);
        synchronized (Workspace.class) {
            try (FileChannel lockFile = FileChannel.open(root.resolve("binaries").resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    Path partial = root.resolve("binaries").resolve(key + ".partial-" + UUID.randomUUID());
                    try (InputStream in = opener.open()) {
                        TxzArchive.extract(in, partial);
                    }
                    deleteRecursively(target);
                    move(partial, target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack PostgreSQL binaries from " + origin + " into " + target
                        + ": " + e.getMessage() + ". Check free space and permissions of " + root + ".", e);
            }
        }
        String version = BinariesLocator.serverVersion(target).orElseThrow(() -> new MigrationTestException(
                "The PostgreSQL binaries unpacked from " + origin + " into " + target + " do not run ("
                        + target.resolve("bin/postgres") + " --version printed no version). Delete " + target
                        + " and try again; if it persists, the binaries do not fit this platform."));
        return new Binaries(target, version, origin);
    }

    /** A new, empty directory for one server, marked as owned by this JVM. */
    Path newServerDirectory(int major) {
        Path directory = servers.resolve("pg" + major + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(directory);
            ProcessHandle self = ProcessHandle.current();
            String owner = self.pid() + " " + self.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
            Files.writeString(directory.resolve(OWNER_FILE), owner, StandardCharsets.US_ASCII);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a server directory under " + root, e);
        }
    }

    /** Marks a server directory so that no later run removes it. */
    static void markKept(Path serverDirectory) {
        try {
            Files.writeString(serverDirectory.resolve(KEPT_FILE), "kept by migrationtest.keep-failed\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops and removes servers whose JVM is gone (killed before it could stop them). Kept servers
     * and servers of live JVMs are left alone.
     */
    void removeOrphanedServers() {
        List<Path> directories = new ArrayList<>();
        for (Path place : List.of(servers, diskRoot().resolve("servers"), RAM.resolve(userDirectoryName()).resolve("servers"))) {
            try (Stream<Path> list = Files.list(place)) {
                list.filter(Files::isDirectory).filter(d -> !directories.contains(d)).forEach(directories::add);
            } catch (IOException e) {
                // No servers there.
            }
        }
        for (Path directory : directories) {
            if (Files.exists(directory.resolve(KEPT_FILE)) || ownerAlive(directory)) {
                continue;
            }
            postmasterPid(directory.resolve("data")).ifPresent(pid -> Signals.stopNow(pid));
            deleteRecursively(directory);
        }
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean ownerAlive(Path directory) {
        try {
            String[] owner = Files.readString(directory.resolve(OWNER_FILE)).trim().split(" ");
            long pid = Long.parseLong(owner[0]);
            long started = Long.parseLong(owner[1]);
            return ProcessHandle.of(pid)
                    .map(p -> p.info().startInstant().map(i -> i.toEpochMilli() == started || started == 0).orElse(true))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            // An unreadable owner file is a directory being created right now, or not ours to judge.
            return Files.exists(directory.resolve(OWNER_FILE)) || !Files.exists(directory.resolve("data"));
        }
    }

    private void createReadableDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            // The server may run as another account (when the JVM is root); it must reach its binaries.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to open up.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory + " for the embedded PostgreSQL server", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a leftover file in the temp directory is harmless.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Same as above; the walk also fails when another JVM removes the same orphan at the same time.
        }
    }
}
