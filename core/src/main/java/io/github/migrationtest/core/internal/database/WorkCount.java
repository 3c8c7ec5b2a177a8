package io.github.migrationtest.core.internal.database;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one piece of work (a test of the standard suite) made the engine and the template cache do: the
 * migrations it executed and the states it built, counted for the thread that asked for them.
 *
 * <p>A JVM-wide counter read before and after a test also counts what the tests running beside it did
 * meanwhile (JUnit's parallel execution): two overlapping tests would each be charged for both. A run is
 * counted where it is asked for, on the test's thread, even though the engine executes it on a thread of
 * its own; a state is counted by the test that built it, not by the tests that waited for it.
 */
public final class WorkCount {

    private static final ThreadLocal<WorkCount> CURRENT = new ThreadLocal<>();

    private final WorkCount outer;
    private final AtomicLong migrations = new AtomicLong();
    private final AtomicInteger states = new AtomicInteger();

    private WorkCount(WorkCount outer) {
        this.outer = outer;
    }

    /**
     * Starts counting the work of the current thread until {@link #stop()}; a count started inside another
     * one adds to both.
     */
    public static WorkCount start() {
        WorkCount count = new WorkCount(CURRENT.get());
        CURRENT.set(count);
        return count;
    }

    /** Stops counting on the current thread, which counts for the enclosing count again, if any. */
    public void stop() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The migrations counted so far: applied, undone, and the ones that failed. */
    public long migrationsRun() {
        return migrations.get();
    }

    /** The cached states built so far. */
    public int statesBuilt() {
        return states.get();
    }

    /** The count of the current thread, if one is started; runs handed to other threads carry it along. */
    static Optional<WorkCount> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Counts a state built by the current thread. */
    static void stateBuilt() {
        for (WorkCount count = CURRENT.get(); count != null; count = count.outer) {
            count.states.incrementAndGet();
        }
    }

    /** Counts migrations run for this count (from whichever thread ran them). */
    void migrationsRun(long executed) {
        for (WorkCount count = this; count != null; count = count.outer) {
            count.migrations.addAndGet(executed);
        }
    }
}
