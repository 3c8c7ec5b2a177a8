package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.database.RunPipeline;
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
 * <p>Who applied what is each engine's own account of its run (Flyway's migrate result, Liquibase's
 * change listener): not the history, which also shows what the others applied.
 *
 * <p>The migrators share this JVM, which is sound for Flyway, whose advisory lock lives in the database.
 * Liquibase chains are refused: several Liquibase instances in one JVM share process-wide state, and
 * their changelog lock did not separate them reliably (seen with 4.33 and 5.0.4: two instances running
 * the same changeset at once, and a lock left taken), so a report would describe the test, not the
 * application. Application instances are separate processes.
 */
public final class ConcurrentMigration {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ConcurrentMigration() {
    }

    /**
     * Runs {@code migrators} migrators at once, each within the database's
     * {@link io.github.migrationtest.core.MigrationSettings#migrationTimeout() time limit}.
     */
    public static ConcurrentMigrationReport run(MigrationDatabase database, int migrators) {
        return run(database, migrators, database.settings().migrationTimeout());
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
        if (!chain.engineHistory().lockSeparatesInstancesInOneJvm()) {
            throw new MigrationTestConfigurationException("ConcurrentMigration runs its migrators in this JVM, and"
                    + " Liquibase instances in one JVM share process-wide state: their changelog lock does not"
                    + " separate them reliably (two instances have run the same changeset at once, and left the lock"
                    + " taken), so the report would describe the test rather than your application. Test Liquibase"
                    + " instances starting together as separate processes; the stuck lock itself is"
                    + " BrokenStates.stuckMigrationLock().");
        }
        CyclicBarrier start = new CyclicBarrier(migrators);
        List<Future<MigrationResult>> runs = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(migrators, task -> {
            Thread thread = new Thread(task, "migrationtest-migrator-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The pipeline every run goes through: named, limited and diagnosed as a migration of the database is.
        RunPipeline pipeline = new RunPipeline(chain, database.server(), database.name(), limit);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < migrators; i++) {
                runs.add(threads.submit(() -> pipeline.run(engine -> {
                    start.await(limit.toMillis(), TimeUnit.MILLISECONDS);
                    return chain.migrate(engine, Optional.empty());
                })));
            }
            List<MigrationResult> results = new ArrayList<>();
            for (Future<MigrationResult> run : runs) {
                results.add(run.get());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<MigratorRun> report = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                report.add(new MigratorRun(i + 1, results.get(i)));
            }
            return new ConcurrentMigrationReport(report, database.history(), took);
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
}
