package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.model.SessionWait;
import io.github.migrationtest.core.server.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time limit of {@link RunPipeline}: runs an engine operation within a limit. When the limit strikes, it
 * records what every session of the database was waiting on and for whom, ends the engine's sessions so that the
 * engine returns, and reports a {@link MigrationFailure.Kind#TIMEOUT} failure with those facts. Nothing hangs.
 */
public final class TimeLimitedRun {

    private static final Duration AFTERMATH = Duration.ofSeconds(15);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "migrationtest-migrate-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private static final AtomicLong MIGRATIONS_RUN = new AtomicLong();

    private TimeLimitedRun() {
    }

    /**
     * How many migrations the runs of this JVM executed: applied, undone, and the ones that failed.
     * For measuring what a suite costs (benchmarks/SuiteBenchmark).
     */
    public static long migrationsRun() {
        return MIGRATIONS_RUN.get();
    }

    /**
     * Runs an engine operation on {@code database} within {@code limit}; the operation connects as
     * {@link ApplicationNames#ENGINE}, whose sessions are ended when the limit strikes.
     */
    static MigrationResult run(PostgresServer server, String database, Duration limit,
            Callable<MigrationResult> operation) {
        // Counted for the caller's test: the operation runs on a thread of its own.
        Optional<WorkCount> caller = WorkCount.current();
        Future<MigrationResult> future = RUNNER.submit(() -> counted(operation.call(), caller));
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            List<SessionWait> waits = WaitReport.collect(server, database);
            terminateEngineSessions(server, database);
            MigrationResult cut = aftermath(future);
            return timedOut(cut, limit, waits);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MigrationTestException("The migration run failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new MigrationTestException("Interrupted while migrating " + database, e);
        }
    }

    private static MigrationResult counted(MigrationResult result, Optional<WorkCount> caller) {
        int executed = result.applied().size() + (result.failure().flatMap(MigrationFailure::migration).isPresent() ? 1 : 0);
        MIGRATIONS_RUN.addAndGet(executed);
        caller.ifPresent(count -> count.migrationsRun(executed));
        return result;
    }

    private static MigrationResult aftermath(Future<MigrationResult> future) {
        try {
            return future.get(AFTERMATH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            future.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static MigrationResult timedOut(MigrationResult cut, Duration limit, List<SessionWait> waits) {
        List<io.github.migrationtest.core.model.Migration> applied = cut == null ? List.of() : cut.applied();
        MigrationFailure.Builder failure = MigrationFailure.builder(MigrationFailure.Kind.TIMEOUT,
                "the run did not finish within its time limit of " + describe(limit)
                        + " (migrationtest.migration-timeout) and was cancelled")
                .waits(waits);
        if (cut != null && cut.failure().isPresent()) {
            MigrationFailure engine = cut.failure().get();
            engine.migration().ifPresent(failure::migration);
            engine.statement().ifPresent(failure::statement);
            failure.engineMessage(engine.engineMessage());
        }
        return MigrationResult.failure(applied, failure.build(), limit);
    }

    private static void terminateEngineSessions(PostgresServer server, String database) {
        try (Connection connection = server.address().connect(server.address().maintenanceDatabase(),
                ApplicationNames.TIMEOUT);
                PreparedStatement statement = connection.prepareStatement("select pg_terminate_backend(pid)"
                        + " from pg_stat_activity where datname = ? and application_name = ?")) {
            statement.setString(1, database);
            statement.setString(2, ApplicationNames.ENGINE);
            statement.execute();
        } catch (SQLException e) {
            throw new MigrationTestException("The migration of " + database + " exceeded its time limit and"
                    + " its sessions could not be ended: " + e.getMessage(), e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
