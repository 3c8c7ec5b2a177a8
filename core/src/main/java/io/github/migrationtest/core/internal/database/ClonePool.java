package io.github.migrationtest.core.internal.database;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Work a test need not wait for, done in the background: clones of each template a test asked for are
 * made ahead for the next tests that ask, and closed databases are dropped behind them.
 *
 * <p>Refills come first: they run on threads of their own, so a drop (which PostgreSQL may hold while
 * a closed session ends) never delays the clone a test waits for, and the dropper lets a clone in
 * progress finish before it drops. How many clones of a template are kept ready follows demand: two
 * once a template is asked for twice, one more each time a test finds none ready. A test that finds
 * none ready while one is being made waits for that one instead of making another in the foreground.
 */
final class ClonePool {

    private static final Logger LOG = System.getLogger(ClonePool.class.getName());
    private static final int MIN_DEPTH = 2;
    private static final int MAX_DEPTH = 6;
    /** Drops wait for clones in progress only while this few are outstanding; more must not pile up. */
    private static final int DROP_BACKLOG = 16;
    private static final long DROP_YIELD_MILLIS = 50;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService cloner;
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(
            task -> daemon(task, "migrationtest-drop-" + THREADS.incrementAndGet()));
    private final Map<String, Template> templates = new HashMap<>();
    private final AtomicInteger dropsOutstanding = new AtomicInteger();
    private int cloning;
    private boolean closed;

    /** A pool whose background clones run on up to {@code cloneThreads} threads at once. */
    ClonePool(int cloneThreads) {
        this.cloner = Executors.newFixedThreadPool(cloneThreads,
                task -> daemon(task, "migrationtest-clone-" + THREADS.incrementAndGet()));
    }

    /**
     * A clone made ahead, or the one being made ahead (waited for), or else one made now by {@code create};
     * either way the template's clones are refilled in the background.
     */
    DisposableDatabase take(String template, Supplier<DisposableDatabase> create) {
        DisposableDatabase database = null;
        synchronized (this) {
            Template state = templates.computeIfAbsent(template, t -> new Template());
            state.asked++;
            if (state.asked == 2) {
                state.depth = Math.max(state.depth, MIN_DEPTH);
            }
            if (state.ready.isEmpty()) {
                state.depth = Math.min(MAX_DEPTH, state.depth + (state.asked > 1 ? 1 : 0));
            }
            while (state.ready.isEmpty() && state.pending > 0 && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            database = state.ready.pollFirst();
        }
        if (database == null) {
            database = create.get();
        }
        refill(template, create);
        return database;
    }

    /** Drops a database in the background, behind any clone in progress; {@code drop} does it. */
    void dropLater(Runnable drop) {
        dropsOutstanding.incrementAndGet();
        try {
            dropper.execute(() -> {
                try {
                    yieldToClones();
                    drop.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "migrationtest could not drop a database in the background: {0}",
                            e.getMessage());
                } finally {
                    dropsOutstanding.decrementAndGet();
                    synchronized (this) {
                        notifyAll();
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            dropsOutstanding.decrementAndGet();
            drop.run();
        }
    }

    /** Waits until the drops asked for so far and the clones being made ahead are done. */
    void settle() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        synchronized (this) {
            while ((dropsOutstanding.get() > 0 || cloning > 0) && System.nanoTime() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The names of the clones made ahead that no test has taken yet. */
    synchronized Set<String> madeAhead() {
        Set<String> names = new HashSet<>();
        templates.values().forEach(state -> state.ready.forEach(database -> names.add(database.name())));
        return names;
    }

    /** Stops the background threads after their work; clones made ahead stay with the factory, which drops them. */
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        cloner.shutdown();
        dropper.shutdown();
        try {
            cloner.awaitTermination(5, TimeUnit.MINUTES);
            dropper.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refill(String template, Supplier<DisposableDatabase> create) {
        int missing;
        synchronized (this) {
            Template state = templates.get(template);
            missing = closed ? 0 : state.depth - state.ready.size() - state.pending;
            if (missing <= 0) {
                return;
            }
            state.pending += missing;
            cloning += missing;
        }
        for (int i = 0; i < missing; i++) {
            cloner.execute(() -> {
                DisposableDatabase clone = null;
                MAKING_AHEAD.set(true);
                try {
                    clone = create.get();
                } catch (RuntimeException e) {
                    // The test that needs it makes its own and sees the error; nothing to keep here.
                    LOG.log(Level.DEBUG, "migrationtest could not make a clone ahead: {0}", e.getMessage());
                } finally {
                    MAKING_AHEAD.remove();
                    synchronized (this) {
                        Template state = templates.get(template);
                        state.pending--;
                        cloning--;
                        if (clone != null) {
                            state.ready.addLast(clone);
                        }
                        notifyAll();
                    }
                }
            });
        }
    }

    private void yieldToClones() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DROP_YIELD_MILLIS);
        synchronized (this) {
            while (cloning > 0 && dropsOutstanding.get() < DROP_BACKLOG && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // Set while a clone is made ahead: its failure reaches no test, so what it finds out is left for a test to say.
    private static final ThreadLocal<Boolean> MAKING_AHEAD = ThreadLocal.withInitial(() -> false);

    /** Whether this thread is making a clone ahead of the tests, for no test in particular. */
    static boolean makingAhead() {
        return MAKING_AHEAD.get();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The clones of one template: made ahead and ready, being made, and how many to keep. */
    private static final class Template {
        final Deque<DisposableDatabase> ready = new ArrayDeque<>();
        int pending;
        int depth = 1;
        int asked;
    }
}
