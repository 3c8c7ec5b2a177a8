package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.internal.Passwords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Data directories fresh from initdb, made once per machine and binaries and copied for each server:
 * a copy and a password change take a fraction of what initdb takes (it bootstraps every catalog).
 *
 * <p>The cached cluster's superuser has a password nobody knows (random, never stored). Each copy gets
 * the server's own random password before it ever listens, set by a single-user backend that reads it
 * from its standard input, so the password appears in no command line and no file.
 */
final class ClusterCache {

    /** Runs initdb into a directory with a password, as {@link EmbeddedPostgresServer} does. */
    @FunctionalInterface
    interface Initdb {
        void run(Path directory, String password);
    }

    private static final String COMPLETE = "complete";
    private static final long PASSWORD_LIMIT_SECONDS = 60;

    private ClusterCache() {
    }

    /**
     * Fills {@code directory/data} with a cluster whose superuser has {@code password}: a copy of the
     * cached one where that works, else from initdb.
     */
    static void initialize(Binaries binaries, List<String> initdbOptions, Path cacheRoot, Path directory,
            OsAccount account, String password, Initdb initdb) {
        try {
            Path cached = cached(binaries, initdbOptions, cacheRoot, account, initdb);
            copy(cached.resolve("data"), directory.resolve("data"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            account.own(directory);
            setPassword(binaries, directory.resolve("data"), account, password);
            return;
        } catch (IOException | RuntimeException e) {
            // The cache is a shortcut: whatever went wrong with it, initdb still makes a cluster.
            Workspace.deleteRecursively(directory.resolve("data"));
        }
        initdb.run(directory, password);
    }

    private static Path cached(Binaries binaries, List<String> initdbOptions, Path cacheRoot, OsAccount account,
            Initdb initdb) throws IOException {
        Path cached = cacheRoot.resolve("pg" + binaries.major() + "-" + key(binaries, initdbOptions));
        if (Files.exists(cached.resolve(COMPLETE))) {
            return cached;
        }
        Files.createDirectories(cacheRoot);
        try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(cached.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!Files.exists(cached.resolve(COMPLETE))) {
                Path partial = cacheRoot.resolve(cached.getFileName() + ".partial-" + UUID.randomUUID());
                Files.createDirectories(partial);
                try {
                    initdb.run(partial, Passwords.random());
                    Files.writeString(partial.resolve(COMPLETE), binaries.version() + "\n", StandardCharsets.UTF_8);
                    Workspace.deleteRecursively(cached);
                    move(partial, cached);
                } finally {
                    Workspace.deleteRecursively(partial);
                }
            }
        }
        return cached;
    }

    /** The binaries (where and which) and initdb's options: a cluster made otherwise is not this one. */
    private static String key(Binaries binaries, List<String> initdbOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((binaries.home().toAbsolutePath() + "\n" + binaries.version() + "\n"
                    + String.join(" ", initdbOptions)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static void setPassword(Binaries binaries, Path data, OsAccount account, String password)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(binaries.bin("postgres").toString(), "--single",
                "-D", data.toString()));
        command.addAll(LoginCost.initdbOptions(binaries.major()));
        command.add("postgres");
        ProcessBuilder builder = new ProcessBuilder(account.command(command)).directory(data.getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.US_ASCII));
        }
        // Read, judged and dropped: an error report could quote the statement, and with it the password.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (output.contains("ERROR:") || output.contains("FATAL:") || output.contains("PANIC:")) {
            process.destroyForcibly();
            throw new IOException("the single-user backend could not set the password");
        }
        try {
            if (!process.waitFor(PASSWORD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the single-user backend did not finish");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the password was set", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("the single-user backend exited with " + process.exitValue());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }
}
