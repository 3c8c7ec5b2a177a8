package io.github.migrationtest.core.internal.database;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Work a test need not wait for, done on one background thread: a clone of each template a test
 * asked for is made ahead for the next test that asks, and dropped databases are dropped behind.
 */
final class ClonePool {

    private static final Logger LOG = System.getLogger(ClonePool.class.getName());
    private static final int READY_PER_TEMPLATE = 1;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "migrationtest-clone-pool");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<DisposableDatabase>> ready = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();

    /** A clone made ahead, or one made now by {@code create}; either way another is made ahead for next time. */
    DisposableDatabase take(String template, Supplier<DisposableDatabase> create) {
        Optional<DisposableDatabase> prepared;
        synchronized (this) {
            prepared = Optional.ofNullable(ready.getOrDefault(template, new ArrayDeque<>()).pollFirst());
        }
        DisposableDatabase database = prepared.orElseGet(create);
        refill(template, create);
        return database;
    }

    /** Runs {@code work} (a drop) on the background thread. */
    void later(Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "migrationtest background work failed: {0}", e.getMessage());
            }
        });
    }

    /** Waits for the background work submitted so far. */
    void settle() {
        try {
            worker.submit(() -> { }).get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "migrationtest background work did not settle: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the background thread after its work; the clones made ahead stay with the factory, which drops them. */
    void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refill(String template, Supplier<DisposableDatabase> create) {
        synchronized (this) {
            int have = ready.getOrDefault(template, new ArrayDeque<>()).size() + pending.getOrDefault(template, 0);
            if (have >= READY_PER_TEMPLATE || worker.isShutdown()) {
                return;
            }
            pending.merge(template, 1, Integer::sum);
        }
        later(() -> {
            try {
                DisposableDatabase clone = create.get();
                synchronized (this) {
                    ready.computeIfAbsent(template, t -> new ArrayDeque<>()).addLast(clone);
                }
            } finally {
                synchronized (this) {
                    pending.merge(template, -1, Integer::sum);
                }
            }
        });
    }
}
