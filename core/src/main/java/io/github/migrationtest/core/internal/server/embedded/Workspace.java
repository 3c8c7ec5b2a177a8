package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
        if (configured.equals("auto")) {
            return at(diskRoot(), defaultServersRoot());
        }
        Path directory = Paths.get(configured).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new MigrationTestConfigurationException(Setting.EMBEDDED_DATA_DIRECTORY.key() + " is '" + configured
                    + "', which cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Point"
                    + " it at a writable directory, or leave it at auto.", e);
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new MigrationTestConfigurationException(Setting.EMBEDDED_DATA_DIRECTORY.key() + " is '" + configured
                    + "', which is not a writable directory. Point it at a writable directory, or leave it at auto.");
        }
        return at(diskRoot(), directory.resolve(userDirectoryName()).resolve("servers"));
    }

    /** A workspace at the given places, each created or checked to be the current user's. */
    static Workspace at(Path root, Path servers) {
        Workspace workspace = new Workspace(root, servers);
        String mode = directoryMode();
        TrustedPaths.ownedDirectory(root, mode);
        TrustedPaths.ownedDirectory(root.resolve("binaries"), mode);
        TrustedPaths.ownedDirectory(servers.getParent(), mode);
        TrustedPaths.ownedDirectory(servers, mode);
        return workspace;
    }

    private static String directoryMode() {
        // Where the JVM is root, the server runs as another account, which must reach its binaries and
        // its directory; elsewhere no one else needs to look inside.
        return TrustedPaths.currentUid() == 0 ? "rwxr-xr-x" : "rwx------";
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

    /** Where this workspace unpacks binaries. */
    Path binariesDirectory() {
        return root.resolve("binaries");
    }

    /** Where data directories fresh from initdb are kept for copying (see {@link ClusterCache}). */
    Path clusters() {
        return root.resolve("clusters");
    }

    /** Where this workspace puts server directories. */
    Path servers() {
        return servers;
    }

    /**
     * Binaries unpacked from an archive, unpacking them once per machine into a directory named after
     * the archive's hash, and verified against what the archive held before they are used: in full the
     * first time, after that against the {@link BinaryStamp} the full check left (a full check again
     * where anything differs).
     *
     * @param container the file that holds the archive (a jar), whose size and time tell whether the
     *     archive's hash recorded for it still holds; empty to hash the archive each time
     */
    Binaries unpacked(String key, String origin, Optional<Path> container, BinarySource.ArchiveOpener opener) {
        // Also when unpacked already: a build must not pass on one machine only because of an earlier run.
        ArchiveLibraries.require(origin);
        Path binaries = root.resolve("binaries");
        Path target;
        boolean fresh = false;
        synchronized (Workspace.class) {
            try (FileChannel lockFile = FileChannel.open(binaries.resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                Optional<String> known = container.flatMap(c -> recordedHash(binaries, key, c));
                Optional<Path> existing = known.map(hash -> binaries.resolve(key + "-" + hash.substring(0, 16)))
                        .filter(t -> Files.exists(t, LinkOption.NOFOLLOW_LINKS));
                if (existing.isPresent()) {
                    target = existing.get();
                } else {
                    // Hashed while it is unpacked: the archive is read once (reading it is a good part of the cost).
                    Path partial = binaries.resolve(key + ".partial-" + UUID.randomUUID());
                    String archiveHash;
                    try (InputStream in = opener.open()) {
                        MessageDigest digest = BinaryManifest.digest();
                        DigestInputStream hashing = new DigestInputStream(in, digest);
                        BinaryManifest manifest = TxzArchive.extract(hashing, partial);
                        hashing.transferTo(OutputStream.nullOutputStream());
                        manifest.write(partial);
                        archiveHash = HexFormat.of().formatHex(digest.digest());
                    } catch (IOException | RuntimeException e) {
                        deleteRecursively(partial);
                        throw e;
                    }
                    target = binaries.resolve(key + "-" + archiveHash.substring(0, 16));
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        deleteRecursively(partial);
                    } else {
                        move(partial, target);
                        fresh = true;
                    }
                    String hash = archiveHash;
                    container.ifPresent(c -> recordHash(binaries, key, c, hash));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack PostgreSQL binaries from " + origin + " into " + binaries
                        + ": " + e.getMessage() + ". Check free space and permissions of " + root + ".", e);
            }
        }
        TrustedPaths.requireOwned(target);
        Optional<String> stamped = fresh ? Optional.empty() : BinaryStamp.unchanged(target);
        if (stamped.isPresent()) {
            return new Binaries(target, stamped.get(), origin);
        }
        if (!fresh) {
            // Just unpacked from the archive under the lock, with the manifest read from it: checked as written.
            BinaryManifest.verify(target, origin);
        }
        Path home = target;
        String version = BinariesLocator.serverVersion(target).orElseThrow(() -> new MigrationTestException(
                "The PostgreSQL binaries unpacked from " + origin + " into " + home + " do not run ("
                        + home.resolve("bin/postgres") + " --version printed no version). Delete " + home
                        + " and try again; if it persists, the binaries do not fit this platform."));
        BinaryStamp.write(target, version);
        return new Binaries(target, version, origin);
    }

    /**
     * The archive hash recorded for a container of that size and time, if any: reading and hashing a
     * 15 MB archive again on every start would cost more than all the rest of finding the binaries.
     */
    private static Optional<String> recordedHash(Path binaries, String key, Path container) {
        Path record = binaries.resolve(key + ".sha256");
        Optional<TrustedPaths.Attributes> attributes = TrustedPaths.attributes(record);
        if (attributes.isEmpty() || attributes.get().symbolicLink() || attributes.get().uid() != TrustedPaths.currentUid()
                || (attributes.get().mode() & 0022) != 0) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(record, StandardCharsets.UTF_8).trim().split("\t");
            return fields.length == 2 && fields[0].equals(identity(container)) && fields[1].matches("[0-9a-f]{64}")
                    ? Optional.of(fields[1]) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void recordHash(Path binaries, String key, Path container, String hash) {
        try {
            Path partial = binaries.resolve(key + ".sha256.partial-" + UUID.randomUUID());
            Files.writeString(partial, identity(container) + "\t" + hash + "\n", StandardCharsets.UTF_8);
            Files.move(partial, binaries.resolve(key + ".sha256"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Then the next start hashes the archive again.
        }
    }

    /** The container's path, size and modification time: a replaced or rewritten jar differs in one of them. */
    private static String identity(Path container) throws IOException {
        return container.toAbsolutePath() + " " + Files.size(container) + " "
                + Files.getLastModifiedTime(container).toMillis();
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
            if (!Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS) || !ours(place)) {
                continue;
            }
            try (Stream<Path> list = Files.list(place)) {
                // Server directories belong to the server's account where the JVM is root; the place
                // that holds them is this user's and no one else can write there.
                list.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).filter(d -> !directories.contains(d)).forEach(directories::add);
            } catch (IOException e) {
                // No servers there.
            }
        }
        for (Path directory : directories) {
            if (Files.exists(directory.resolve(KEPT_FILE)) || ownerAlive(directory)) {
                continue;
            }
            Path data = directory.resolve("data");
            Postmaster.of(data).ifPresent(postmaster -> postmaster.stopOrphan(data));
            deleteRecursively(directory);
        }
    }

    /** Whether a place of server directories is this user's: only then are its entries ours to judge. */
    private static boolean ours(Path place) {
        try {
            TrustedPaths.requireOwned(place);
            return true;
        } catch (MigrationTestConfigurationException e) {
            return false;
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
