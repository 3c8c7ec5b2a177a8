package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.HistoryEntry;
import io.github.migrationtest.core.Migration;
import io.github.migrationtest.core.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationResult;
import io.github.migrationtest.core.MigrationTestException;
import io.github.migrationtest.core.config.Configuration;
import io.github.migrationtest.core.config.Durations;
import io.github.migrationtest.core.config.Setting;
import io.github.migrationtest.core.database.TimeLimitedRun;
import io.github.migrationtest.core.diagnosis.Diagnoser;
import io.github.migrationtest.scenarios.internal.HistoryWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs several migrators of a database's chain at once, as application instances that start together
 * do: each on its own thread, with its own connections and its own engine instance, released together
 * by a barrier, each within the time limit of a migration run.
 *
 * <pre>{@code
 * ConcurrentMigrationReport report = ConcurrentMigration.run(db, 4);
 * assertThat(report.failed()).isEmpty();
 * assertThat(report.appliers()).hasSize(1);             // Flyway's lock serialises them: one applies everything
 * }</pre>
 *
 * <p>Who applied what is read from the history rows each migrator's connections wrote, not from the
 * engines' own accounts, which compare the history before and after a run and so would claim what another
 * migrator applied while they waited for the lock.
 */
public final class ConcurrentMigration {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ConcurrentMigration() {
    }

    /** Runs {@code migrators} migrators at once, each within {@code migrationtest.migration-timeout}. */
    public static ConcurrentMigrationReport run(MigrationDatabase database, int migrators) {
        return run(database, migrators, Durations.of(Configuration.load(), Setting.MIGRATION_TIMEOUT));
    }

    /**
     * Runs {@code migrators} migrators at once, each within {@code limit}.
     *
     * @throws IllegalArgumentException if {@code migrators} is less than 2
     */
    public static ConcurrentMigrationReport run(MigrationDatabase database, int migrators, Duration limit) {
        if (migrators < 2) {
            throw new IllegalArgumentException("Concurrent migration needs at least 2 migrators, not " + migrators + ".");
        }
        MigrationChain chain = database.chain();
        CyclicBarrier start = new CyclicBarrier(migrators);
        List<HistoryWrites> writes = new ArrayList<>();
        List<Future<MigrationResult>> runs = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(migrators, task -> {
            Thread thread = new Thread(task, "migrationtest-migrator-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        try {
            for (int i = 0; i < migrators; i++) {
                // The engine's application name, so that a run over its limit is ended like any other.
                HistoryWrites dataSource = new HistoryWrites(database.database().dataSource("migrationtest-migrate"),
                        chain.historyTable());
                writes.add(dataSource);
                runs.add(threads.submit(() -> Diagnoser.diagnose(TimeLimitedRun.run(database.database(), limit, () -> {
                    start.await(limit.toMillis(), TimeUnit.MILLISECONDS);
                    return chain.migrate(dataSource, Optional.empty());
                }), chain, database.database().dataSource("migrationtest-diagnosis"))));
            }
            List<MigrationResult> results = new ArrayList<>();
            for (Future<MigrationResult> run : runs) {
                results.add(run.get());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return report(database, results, writes, took);
        } catch (ExecutionException e) {
            throw new MigrationTestException("A concurrent migrator of " + database.name() + " failed to run: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationTestException("Interrupted while migrating " + database.name() + " concurrently", e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static ConcurrentMigrationReport report(MigrationDatabase database, List<MigrationResult> results,
            List<HistoryWrites> writes, Duration took) {
        List<HistoryEntry> history = database.history();
        List<HistoryEntry> taken = new ArrayList<>();
        List<MigratorRun> runs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            List<HistoryEntry> recorded = writes.get(i).recorded(history, taken);
            List<Migration> applied = recorded.stream().filter(HistoryEntry::success)
                    .map(e -> migration(database, e)).toList();
            MigrationResult engine = results.get(i);
            runs.add(new MigratorRun(i + 1, new MigrationResult(applied, engine.failure(), engine.duration()), recorded));
        }
        return new ConcurrentMigrationReport(runs, history, took);
    }

    private static Migration migration(MigrationDatabase database, HistoryEntry entry) {
        return database.migrations().stream().filter(m -> m.id().equals(entry.id())).findFirst()
                .orElseGet(() -> Migration.of(entry.id(), entry.description(), entry.script(), entry.checksum()));
    }
}
