package io.github.migrationtest.spring.internal;

import io.github.migrationtest.core.MigrationDatabase;
import java.util.function.Supplier;

/**
 * The database the application context's {@code DataSource} stands for right now: the running test's,
 * or, while a context starts before any test, a migrated database of the class. JVM-wide, because a cached
 * context serves every class that shares it; tests that use it therefore run one at a time.
 */
final class CurrentDatabase {

    private static volatile MigrationDatabase test;
    private static volatile Supplier<MigrationDatabase> startup;

    private CurrentDatabase() {
    }

    static void startWith(Supplier<MigrationDatabase> classDatabase) {
        startup = classDatabase;
    }

    static void set(MigrationDatabase database) {
        test = database;
    }

    static void clear() {
        test = null;
    }

    static void endClass() {
        startup = null;
    }

    static MigrationDatabase require() {
        MigrationDatabase current = test;
        if (current != null) {
            return current;
        }
        Supplier<MigrationDatabase> classDatabase = startup;
        if (classDatabase != null) {
            return classDatabase.get();
        }
        throw new IllegalStateException("The application context's DataSource is migrationtest's, and no"
                + " @SpringMigrationTest test is running: it has no database outside tests. Code that uses it after a"
                + " test (a background thread, a shutdown hook) must finish within the test.");
    }
}
