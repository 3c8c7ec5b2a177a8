package io.github.migrationtest.core.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the migration engines and the JDBC driver on a background thread while the first server
 * starts: the first test otherwise waits for both, one after the other. Engines are named, not
 * linked: whichever the project brings is loaded, the others are skipped.
 */
public final class EngineWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    // Each entry: a class and a static method without arguments whose first call does the expensive set-up
    // (Flyway's plugin register, Liquibase's root scope and service locator).
    private static final List<String[]> WORK = List.of(
            new String[] {"org.postgresql.Driver", null},
            new String[] {"org.flywaydb.core.Flyway", "configure"},
            new String[] {"liquibase.Scope", "getCurrentScope"});

    private EngineWarmUp() {
    }

    /** Starts loading, once per JVM; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : EngineWarmUp.class.getClassLoader();
        Thread thread = new Thread(() -> WORK.forEach(work -> load(loader, work[0], work[1])), "migrationtest-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void load(ClassLoader loader, String className, String method) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (method != null) {
                type.getMethod(method).invoke(null);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Not on the class path, or not in this version: the first real use loads or reports it.
        }
    }
}
