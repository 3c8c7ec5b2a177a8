package io.github.migrationtest.benchmarks;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.database.RunPipeline;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.embedded.EmbeddedServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a test's database costs: the naive approach (migrate an empty database per test) against
 * cloning a migrated template, with both of PostgreSQL's clone strategies, on a data directory in
 * RAM and on disk.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.ProvisioningBenchmark [-Dexec.args="100 15"]
 * </pre>
 * Arguments: number of migrations (default 100), repetitions per approach (default 15), and {@code ram}
 * to skip the data directory on disk. Uses the embedded PostgreSQL 17 from the class path.
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path chainDirectory = Chains.tables(migrations);
        FlywayChain chain = FlywayChain.builder().locations("filesystem:" + chainDirectory).build();
        System.out.printf("%d migrations (one table, its identity sequence and two indexes each), %d repetitions%n",
                migrations, repetitions);
        try {
            List<String> placements = args.length > 2 && args[2].equals("ram") ? List.of("auto")
                    : List.of("auto", System.getProperty("java.io.tmpdir"));
            for (String placement : placements) {
                measure(chain, placement, repetitions);
            }
        } finally {
            Chains.delete(chainDirectory);
        }
    }

    /**
     * Tests with a trivial body run back to back: the pool against the floor written by hand (a clone
     * with {@code CREATE DATABASE … STRATEGY FILE_COPY} in the test's path, its drop on a thread of
     * its own). Blocks alternate, each starting with the background work of the one before settled.
     */
    private static void backToBack(PostgresServer server, DatabaseFactory factory, String template, int repetitions)
            throws Exception {
        int tests = 60;
        Stopwatch floorPerTest = new Stopwatch("floor: CREATE DATABASE in the test, drop behind");
        Stopwatch poolPerTest = new Stopwatch("pool: factory.cloneOf + close");
        Stopwatch poolWait = new Stopwatch("pool: what a test waits for its clone");
        ExecutorService dropper = Executors.newSingleThreadExecutor();
        try (Connection admin = server.address().connect("postgres", "benchmark-floor");
                Connection drops = server.address().connect("postgres", "benchmark-floor-drops");
                Statement sql = admin.createStatement()) {
            int sequence = 0;
            for (int round = 0; round < Math.max(3, repetitions / 3); round++) {
                long started = System.nanoTime();
                List<Future<?>> dropped = new ArrayList<>();
                for (int i = 0; i < tests; i++) {
                    String name = "bench_floor_" + sequence++;
                    sql.execute("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY FILE_COPY");
                    trivialBody(server.address().connect(name, "benchmark"));
                    dropped.add(dropper.submit(() -> {
                        try (Statement drop = drops.createStatement()) {
                            drop.execute("DROP DATABASE " + name + " WITH (FORCE)");
                        }
                        return null;
                    }));
                }
                floorPerTest.record((System.nanoTime() - started) / 1e6 / tests);
                for (Future<?> drop : dropped) {
                    drop.get();
                }
                started = System.nanoTime();
                for (int i = 0; i < tests; i++) {
                    DisposableDatabase[] db = new DisposableDatabase[1];
                    poolWait.time(() -> db[0] = factory.cloneOf(template));
                    trivialBody(db[0].connect());
                    db[0].close();
                }
                poolPerTest.record((System.nanoTime() - started) / 1e6 / tests);
                factory.settle();
            }
        } finally {
            dropper.shutdown();
        }
        System.out.printf("%ntests with a trivial body back to back (%d per block; per-test figures are block means)%n",
                tests);
        for (Stopwatch s : List.of(floorPerTest, poolPerTest, poolWait)) {
            System.out.println(s.summary());
        }
        System.out.println(poolPerTest.ratioTo(floorPerTest));
    }

    /** What the cheapest test does: connect, write a row, disconnect. */
    private static void trivialBody(Connection connection) throws Exception {
        try (connection; Statement s = connection.createStatement()) {
            s.execute("INSERT INTO table_1 (note) VALUES ('a test')");
        }
    }

    private static void measure(FlywayChain chain, String dataDirectory, int repetitions) throws Exception {
        long serverStart = System.nanoTime();
        // Started outside the registry, so that both placements run side by side in one JVM.
        PostgresServer server = EmbeddedServers.start(17,
                Configuration.load(Map.of("migrationtest.embedded.data-directory", dataDirectory)));
        double startMillis = (System.nanoTime() - serverStart) / 1e6;
        try {
            DatabaseFactory factory = DatabaseFactory.on(server);
            String template = factory.templates().templateAt(chain, Optional.empty(), Duration.ofMinutes(5));
            Stopwatch migrate = new Stopwatch("naive: empty database + Flyway migrate");
            Stopwatch walLog = new Stopwatch("CREATE DATABASE .. TEMPLATE, STRATEGY WAL_LOG");
            Stopwatch fileCopy = new Stopwatch("CREATE DATABASE .. TEMPLATE, STRATEGY FILE_COPY");
            Stopwatch emptyWal = new Stopwatch("CREATE DATABASE .. TEMPLATE template0, WAL_LOG");
            Stopwatch emptyFile = new Stopwatch("CREATE DATABASE .. TEMPLATE template0, FILE_COPY");
            Stopwatch clone = new Stopwatch("clone of the head template (FILE_COPY)");
            Stopwatch empty = new Stopwatch("empty database (template0, FILE_COPY)");
            Stopwatch drop = new Stopwatch("DROP DATABASE");
            Stopwatch seenClone = new Stopwatch("a test waits for its clone (made ahead)");
            Stopwatch seenClose = new Stopwatch("a test waits for its drop (dropped behind)");
            try (Connection admin = server.address().connect("postgres", "benchmark");
                    Statement sql = admin.createStatement()) {
                for (int i = 0; i < repetitions; i++) {
                    migrate.time(() -> {
                        try (DisposableDatabase db = factory.createEmpty()) {
                            new RunPipeline(chain, db.server(), db.name(), Duration.ofMinutes(5)).migrate(Optional.empty());
                        }
                    });
                    walLog.time(() -> sql.execute("CREATE DATABASE bench_1 TEMPLATE " + template + " STRATEGY WAL_LOG"));
                    fileCopy.time(() -> sql.execute("CREATE DATABASE bench_2 TEMPLATE " + template + " STRATEGY FILE_COPY"));
                    emptyWal.time(() -> sql.execute("CREATE DATABASE bench_3 TEMPLATE template0 STRATEGY WAL_LOG"));
                    emptyFile.time(() -> sql.execute("CREATE DATABASE bench_4 TEMPLATE template0 STRATEGY FILE_COPY"));
                    for (int n = 1; n <= 4; n++) {
                        sql.execute("DROP DATABASE bench_" + n);
                    }
                    clone.time(() -> sql.execute("CREATE DATABASE bench_5 TEMPLATE " + template + " STRATEGY FILE_COPY"));
                    empty.time(() -> sql.execute("CREATE DATABASE bench_6 TEMPLATE template0 STRATEGY FILE_COPY"));
                    drop.time(() -> sql.execute("DROP DATABASE bench_5"));
                    sql.execute("DROP DATABASE bench_6");
                    // What tests run back to back see: a short body between taking and closing a database.
                    DisposableDatabase[] db = new DisposableDatabase[1];
                    seenClone.time(() -> db[0] = factory.cloneOf(template));
                    try (Connection c = db[0].connect(); Statement s = c.createStatement()) {
                        s.execute("INSERT INTO table_1 (note) VALUES ('a test')");
                    }
                    seenClose.time(db[0]::close);
                }
            }
            System.out.printf("%nPostgreSQL %s, data directory %s, server start %.0f ms%n", server.version(),
                    dataDirectory.equals("auto") ? "in RAM (auto)" : "on disk (" + dataDirectory + ")", startMillis);
            for (Stopwatch s : List.of(migrate, walLog, fileCopy, emptyWal, emptyFile, clone, empty, drop, seenClone,
                    seenClose)) {
                System.out.println(s.summary());
            }
            System.out.println(migrate.ratioTo(clone));
            System.out.println(walLog.ratioTo(fileCopy));
            System.out.println(clone.ratioTo(seenClone));
            factory.settle();
            backToBack(server, factory, template, repetitions);
        } finally {
            server.stop();
        }
    }
}
