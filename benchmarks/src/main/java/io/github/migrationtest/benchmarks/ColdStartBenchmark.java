package io.github.migrationtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Time from a JVM's start to the body of its first test ({@link ColdStartProbeTests}, a 20-migration
 * chain on the embedded server), each run in a fresh JVM: on a warm machine (binaries unpacked, cluster
 * cached) and as a machine's first run (a fresh temp directory: binaries unpacked from the jar, initdb
 * run for the cache).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.ColdStartBenchmark [-Dexec.args="7 3"]
 * </pre>
 * Arguments: warm runs (default 7) and first runs (default 3).
 */
public final class ColdStartBenchmark {

    /** The chain's directory, relative to the working directory. */
    static final String CHAIN = "target/cold-start-chain";
    static final String MARKER = "migrationtest-first-test-ms=";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe();
            return;
        }
        if (args.length > 0 && args[0].equals("floor")) {
            floor();
            return;
        }
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path chain = Paths.get(CHAIN);
        Files.createDirectories(chain);
        Path generated = Chains.tables(20);
        try (var files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Files.copy(file, chain.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Chains.delete(generated);
        // One run to make sure the machine is warm: binaries unpacked, the cluster cached.
        run(null);
        Stopwatch floorRuns = new Stopwatch("floor by hand: initdb, postgres, Flyway, clone");
        Stopwatch warmRuns = new Stopwatch("warm machine: JVM start to first test");
        Stopwatch firstRuns = new Stopwatch("machine's first run: JVM start to first test");
        for (int i = 0; i < warm; i++) {
            warmRuns.record(run(null));
            floorRuns.record(run(null, "floor"));
        }
        for (int i = 0; i < first; i++) {
            Path temp = Files.createTempDirectory("migrationtest-first-run",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            try {
                firstRuns.record(run(temp));
            } finally {
                Chains.delete(temp);
            }
        }
        System.out.printf(Locale.ROOT, "%d warm and %d first runs, each in a fresh JVM (machine shared with other"
                + " builds)%n", warm, first);
        System.out.println(floorRuns.summary());
        System.out.println(warmRuns.summary());
        System.out.println(firstRuns.summary());
        System.out.println(warmRuns.ratioTo(floorRuns));
    }

    private static double run(Path tempDirectory) throws IOException, InterruptedException {
        return run(tempDirectory, "probe");
    }

    private static double run(Path tempDirectory, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        // Warm runs share this JVM's temp directory (and with it the unpacked binaries and the cached cluster).
        command.add("-Djava.io.tmpdir=" + (tempDirectory != null ? tempDirectory : System.getProperty("java.io.tmpdir")));
        command.addAll(List.of(ColdStartBenchmark.class.getName(), mode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains(MARKER)) {
            throw new IllegalStateException("The probe JVM failed:\n" + output);
        }
        String value = output.substring(output.indexOf(MARKER) + MARKER.length()).lines().findFirst().orElseThrow();
        return Double.parseDouble(value.trim());
    }

    /**
     * The class path the probe JVMs get: this JVM's own. Under {@code exec:java}, {@code java.class.path}
     * is Maven's launcher; the project's class path is the exec plugin's class loader, a URL class loader.
     */
    static String classPath() {
        if (ColdStartBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Paths.get(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("Not a class path entry on disk: " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /**
     * The same first test written by hand, as cheaply as it goes: initdb with trust authentication into
     * RAM, the server, Flyway migrating a template, a clone of it and the test's statement. It uses the
     * binaries the warm runs unpacked.
     */
    private static void floor() throws Exception {
        Path binaries;
        try (var unpacked = Files.list(Paths.get(System.getProperty("java.io.tmpdir"),
                "migrationtest-" + System.getProperty("user.name"), "binaries"))) {
            binaries = unpacked.filter(d -> Files.isExecutable(d.resolve("bin/postgres")))
                    .filter(d -> d.getFileName().toString().contains("-17.")).findFirst().orElseThrow();
        }
        Path directory = Files.createTempDirectory(Paths.get("/dev/shm"), "migrationtest-floor");
        // Open to the account the server runs as (the umask would narrow a mode given at creation).
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> asServer = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            // PostgreSQL refuses root; the floor pays the same account switch.
            asServer.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        Process server = null;
        try {
            List<String> initdb = new ArrayList<>(asServer);
            initdb.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-D", directory.resolve("data").toString(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            if (new ProcessBuilder(initdb).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true).start().waitFor() != 0) {
                throw new IllegalStateException("initdb failed");
            }
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> postgres = new ArrayList<>(asServer);
            postgres.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D",
                    directory.resolve("data").toString(), "-p", Integer.toString(port), "-c",
                    "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"));
            server = new ProcessBuilder(postgres).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true).start();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
            java.sql.Connection ready = null;
            while (ready == null) {
                try {
                    ready = java.sql.DriverManager.getConnection(url + "postgres", "postgres", "");
                } catch (java.sql.SQLException e) {
                    Thread.sleep(20);
                }
            }
            try (java.sql.Connection admin = ready; java.sql.Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE tpl");
                org.flywaydb.core.Flyway.configure().dataSource(url + "tpl", "postgres", "")
                        .locations("filesystem:" + CHAIN).load().migrate();
                sql.execute("CREATE DATABASE test TEMPLATE tpl STRATEGY FILE_COPY");
                try (java.sql.Connection test = java.sql.DriverManager.getConnection(url + "test", "postgres", "");
                        java.sql.Statement statement = test.createStatement()) {
                    statement.execute("INSERT INTO table_1 (note) VALUES ('first')");
                }
            }
            long millis = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(MARKER + millis);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            Chains.delete(directory);
        }
    }

    private static void probe() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ColdStartProbeTests.class))
                .build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
            System.exit(1);
        }
    }
}
