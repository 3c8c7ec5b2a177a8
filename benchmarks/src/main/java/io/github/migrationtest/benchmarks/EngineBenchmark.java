package io.github.migrationtest.benchmarks;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.database.RunPipeline;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.server.embedded.EmbeddedServers;
import io.github.migrationtest.core.server.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * What one engine run costs at the head of a chain (nothing to apply): {@code MigrationDatabase.migrate()}
 * against Flyway's own no-op {@code migrate()} and against the three commands a run used to be
 * ({@code info} → {@code migrate} → {@code info}), side by side in one run.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.EngineBenchmark [-Dexec.args="100 30"]
 * </pre>
 * Arguments: number of migrations (default 100) and repetitions (default 30).
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int migrations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path chainDirectory = Chains.tables(migrations);
        String location = "filesystem:" + chainDirectory;
        FlywayChain chain = FlywayChain.builder().locations(location).build();
        PostgresServer server = EmbeddedServers.start(17, Configuration.load(Map.of()));
        try {
            DatabaseFactory factory = DatabaseFactory.on(server);
            String template = factory.templates().templateAt(chain, Optional.empty(), Duration.ofMinutes(5));
            Stopwatch flywayNoOp = new Stopwatch("Flyway's own no-op migrate()");
            Stopwatch oneCommand = new Stopwatch("MigrationDatabase.migrate() at the head");
            Stopwatch threeCommands = new Stopwatch("info() + migrate() + info() (as before)");
            // Warm-up: the first runs load classes and fill caches on both sides.
            for (int i = 0; i < 5; i++) {
                run(i, factory, template, chain, location, null, null, null);
            }
            for (int i = 0; i < repetitions; i++) {
                run(i, factory, template, chain, location, flywayNoOp, oneCommand, threeCommands);
            }
            System.out.printf("%d migrations at the head, PostgreSQL %s, %d repetitions (machine shared with"
                    + " other builds: compare the ratios)%n", migrations, server.version(), repetitions);
            for (Stopwatch s : List.of(flywayNoOp, oneCommand, threeCommands)) {
                System.out.println(s.summary());
            }
            System.out.println(oneCommand.ratioTo(flywayNoOp));
            System.out.println(threeCommands.ratioTo(flywayNoOp));
            factory.settle();
        } finally {
            server.stop();
            Chains.delete(chainDirectory);
        }
    }

    /** One round; the order rotates so that neither side always runs on a cache the other warmed. */
    private static void run(int round, DatabaseFactory factory, String template, FlywayChain chain, String location,
            Stopwatch flywayNoOp, Stopwatch oneCommand, Stopwatch threeCommands) throws Exception {
        try (DisposableDatabase a = factory.cloneOf(template); DisposableDatabase b = factory.cloneOf(template);
                DisposableDatabase c = factory.cloneOf(template)) {
            // What MigrationDatabase.migrate() runs: the framework's own run pipeline, on one command.
            RunPipeline db = RunPipeline.of(chain, b, Duration.ofMinutes(1));
            DataSource plain = a.dataSource("benchmark");
            DataSource old = c.dataSource("benchmark");
            List<Stopwatch.Work> sides = new ArrayList<>(List.of(
                    () -> time(flywayNoOp, () -> Flyway.configure().dataSource(plain).locations(location).load().migrate()),
                    () -> time(oneCommand, () -> {
                        if (!db.migrate(Optional.empty()).succeeded()) {
                            throw new IllegalStateException("the run at the head failed");
                        }
                    }),
                    () -> time(threeCommands, () -> {
                        Flyway flyway = Flyway.configure().dataSource(old).locations(location).load();
                        flyway.info().applied();
                        flyway.migrate();
                        flyway.info().all();
                    })));
            Collections.rotate(sides, round);
            for (Stopwatch.Work side : sides) {
                side.run();
            }
        }
    }

    private static void time(Stopwatch stopwatch, Stopwatch.Work work) throws Exception {
        if (stopwatch == null) {
            work.run();
        } else {
            stopwatch.time(work);
        }
    }
}
