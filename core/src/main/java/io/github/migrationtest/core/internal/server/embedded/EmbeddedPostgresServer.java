package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.Passwords;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerAddress;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PostgreSQL server started from binaries: {@code initdb} into a fresh directory, then
 * {@code postgres} listening on 127.0.0.1 only, on a free port, with a random password and
 * durability switched off (test data need not survive a crash).
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration POLL = Duration.ofMillis(3);
    private static final Duration READY_RETRY = Duration.ofMillis(20);
    private static final Duration NOT_READY_RETRY = Duration.ofMillis(100);
    private static final int PID_FILE_STATUS_LINE = 7;

    private final Binaries binaries;
    private final Path directory;
    private final Process process;
    private final ServerAddress address;
    private final String version;
    private volatile boolean keep;
    private volatile boolean stopped;
    private final AtomicBoolean deathReported = new AtomicBoolean();

    private EmbeddedPostgresServer(Binaries binaries, Path directory, Process process, ServerAddress address,
            String version) {
        this.binaries = binaries;
        this.directory = directory;
        this.process = process;
        this.address = address;
        this.version = version;
    }

    static EmbeddedPostgresServer start(Binaries binaries, Workspace workspace, OsAccount account,
            Duration connectTimeout) {
        Path directory = workspace.newServerDirectory(binaries.major());
        try {
            String password = Passwords.random();
            ClusterCache.initialize(binaries, LoginCost.initdbOptions(binaries.major()), workspace.clusters(), directory,
                    account, password, (target, secret) -> initdb(binaries, target, account, secret));
            MigrationTestException last = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                int port = freePort();
                Process process = launch(binaries, directory, account, port);
                ServerAddress address = new ServerAddress("127.0.0.1", port, SUPERUSER, password, "postgres",
                        connectTimeout);
                try {
                    String version = awaitReady(process, address, directory);
                    return new EmbeddedPostgresServer(binaries, directory, process, address, version);
                } catch (PortTakenException e) {
                    last = e;
                }
            }
            throw last;
        } catch (RuntimeException e) {
            Workspace.deleteRecursively(directory);
            throw e;
        }
    }

    static void initdb(Binaries binaries, Path directory, OsAccount account, String password) {
        try {
            Path passwordFile = directory.resolve("initdb.pw");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            account.own(directory);
            Path log = directory.resolve("initdb.log");
            List<String> arguments = new ArrayList<>(List.of(binaries.bin("initdb").toString(),
                    "-D", directory.resolve("data").toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"));
            arguments.addAll(LoginCost.initdbOptions(binaries.major()));
            List<String> command = account.command(arguments);
            Process initdb = processBuilder(command, directory).redirectOutput(log.toFile()).start();
            int exit = initdb.waitFor();
            Files.deleteIfExists(passwordFile);
            if (exit != 0) {
                throw new MigrationTestException("initdb of PostgreSQL " + binaries.version() + " (" + binaries.origin()
                        + ") failed with exit code " + exit + " " + account.describe() + ":\n"
                        + tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run initdb from " + binaries.home(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationTestException("Interrupted while initdb ran", e);
        }
    }

    private static Process launch(Binaries binaries, Path directory, OsAccount account, int port) {
        List<String> command = new ArrayList<>(List.of(binaries.bin("postgres").toString(),
                "-D", directory.resolve("data").toString(), "-p", Integer.toString(port)));
        Map.of(
                "listen_addresses", "127.0.0.1",
                "unix_socket_directories", "",
                "fsync", "off",
                "synchronous_commit", "off",
                "full_page_writes", "off",
                "max_connections", "300",
                "max_wal_size", "2GB",
                "checkpoint_timeout", "30min",
                // Segments in the data directory go with it; POSIX segments in /dev/shm would outlive a
                // server killed with -9 until the machine reboots.
                "dynamic_shared_memory_type", "mmap").forEach((name, value) -> {
                    command.add("-c");
                    command.add(name + "=" + value);
                });
        try {
            Path log = directory.resolve("postgres.log");
            return processBuilder(account.command(command), directory)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binaries.bin("postgres"), e);
        }
    }

    private static ProcessBuilder processBuilder(List<String> command, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // A locale the machine does not have makes initdb and postgres fail; C always exists.
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    private static String awaitReady(Process process, ServerAddress address, Path directory) {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        SQLException lastError = null;
        boolean readySeen = false;
        long nextAttempt = System.nanoTime() + NOT_READY_RETRY.toNanos();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = tail(directory.resolve("postgres.log"), 20);
                if (log.contains("could not bind") || log.contains("Address already in use")) {
                    throw new PortTakenException(log);
                }
                throw new MigrationTestException("The embedded PostgreSQL server exited with code " + process.exitValue()
                        + " while starting. Its log (" + directory.resolve("postgres.log") + "):\n" + log);
            }
            // The postmaster says in its pid file when it accepts connections: a look at a small file every few
            // milliseconds finds that moment sooner and cheaper than connection attempts at long intervals.
            if (!readySeen && saysReady(directory.resolve("data"))) {
                readySeen = true;
                nextAttempt = System.nanoTime();
            }
            if (System.nanoTime() - nextAttempt >= 0) {
                try (Connection connection = address.connect(address.maintenanceDatabase(), "migrationtest-startup")) {
                    return connection.getMetaData().getDatabaseProductVersion();
                } catch (SQLException e) {
                    lastError = e;
                    nextAttempt = System.nanoTime() + (readySeen ? READY_RETRY : NOT_READY_RETRY).toNanos();
                }
            }
            sleep(POLL.toMillis());
        }
        process.destroyForcibly();
        throw new MigrationTestException("The embedded PostgreSQL server did not accept connections within "
                + STARTUP_LIMIT.toSeconds() + " s (last error: " + (lastError == null ? "none" : lastError.getMessage())
                + "). Its log:\n" + tail(directory.resolve("postgres.log"), 20));
    }

    /** Whether the postmaster's pid file says it accepts connections (PostgreSQL 10 and later write that). */
    private static boolean saysReady(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.size() > PID_FILE_STATUS_LINE && lines.get(PID_FILE_STATUS_LINE).trim().equals("ready");
        } catch (IOException | UncheckedIOException e) {
            // Not written yet, or being rewritten.
            return false;
        }
    }

    @Override
    public ServerProvider provider() {
        return ServerProvider.EMBEDDED;
    }

    @Override
    public int majorVersion() {
        return binaries.major();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ServerAddress address() {
        return address;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL " + version + " at 127.0.0.1:" + address.port() + " (binaries: " + binaries.origin() + ")";
    }

    @Override
    public String keepRunning() {
        keep = true;
        Workspace.markKept(directory);
        try {
            Path pgpass = directory.resolve("pgpass");
            Files.writeString(pgpass, address.pgpassLine() + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
            return "The embedded server keeps running after this JVM (pid " + process.pid() + "). Connect with:\n  PGPASSFILE="
                    + pgpass + " " + address.psqlCommand("<database>") + "\nStop it with: kill -INT " + process.pid()
                    + " && rm -rf " + directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void requireRunning() {
        if (stopped || process.isAlive()) {
            return;
        }
        int exit = process.exitValue();
        String what = "The embedded PostgreSQL " + version + " server at 127.0.0.1:" + address.port() + " (pid "
                + process.pid() + ")";
        if (deathReported.compareAndSet(false, true)) {
            throw new MigrationTestException(what + " is gone: it exited with code " + exit
                    + (exit > 128 ? " (killed by signal " + (exit - 128) + ")" : "") + " while the tests ran, so this"
                    + " and the remaining tests on it cannot get a database. The last lines of its log ("
                    + directory.resolve("postgres.log") + "):\n" + tail(directory.resolve("postgres.log"), 20));
        }
        throw new MigrationTestException(what + " died earlier in this run (see the first failure for its log);"
                + " this test did not run.");
    }

    @Override
    public void stop() {
        if (keep || stopped) {
            return;
        }
        stopped = true;
        Signals.stop(process.pid(), SHUTDOWN_GRACE);
        Workspace.deleteRecursively(directory);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }


    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationTestException("Interrupted while waiting for PostgreSQL to start", e);
        }
    }

    /** The port was taken between choosing it and binding it. */
    private static final class PortTakenException extends MigrationTestException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String log) {
            super("The chosen port was taken before PostgreSQL could bind it:\n" + log);
        }
    }
}
