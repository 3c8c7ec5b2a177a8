package io.github.migrationtest.core.engine;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import javax.sql.DataSource;

/**
 * An engine's bookkeeping in a database, in the engine's own layout: its history table (name, columns, rows)
 * and its migration lock. Broken states edit it to recreate what deployments leave behind (an unrecorded
 * migration, a failed entry, a stuck lock); each engine implements it next to the code that runs it.
 *
 * <p>Every method takes the database it works on; a statement that fails throws
 * {@link MigrationTestException} with the server's error.
 */
public interface EngineHistory {

    /**
     * The history table as a name SQL can use: {@code flyway_schema_history}, or qualified
     * ({@code billing.flyway_schema_history}) when the settings put it in a schema of its own.
     */
    String table();

    /** The history table's name without its schema, e.g. {@code flyway_schema_history}. */
    default String unqualifiedTable() {
        return table().substring(table().lastIndexOf('.') + 1);
    }

    /** Removes every history row of the migration, as if it had never been recorded. */
    void forget(DataSource database, Migration migration);

    /**
     * Records the migration as failed, creating the history table where it is missing.
     *
     * @throws MigrationTestException where the engine records no failed migrations (Liquibase), saying what
     *     a failure leaves there instead
     */
    void recordFailed(DataSource database, Migration migration);

    /** Changes the recorded checksum of an applied migration, as an edit of its script after it ran would. */
    void changeChecksum(DataSource database, Migration migration);

    /**
     * Records as applied a migration the chain does not have, creating the history table where it is missing.
     *
     * @param database the database
     * @param id its id (a Flyway version, a Liquibase changeset id)
     * @param description its description
     */
    void recordApplied(DataSource database, String id, String description);

    /**
     * Takes the engine's migration lock as a migrator that hung or died leaves it, and keeps it until the
     * returned lock is closed (Flyway: a session of its own, from {@code database}, idle in a transaction that
     * holds the advisory lock) - or for good, where the lock is a row (Liquibase).
     */
    HeldLock holdLock(DataSource database);

    /**
     * Whether the lock keeps several instances of the engine in one JVM apart, so that concurrent migrators on
     * threads of a test behave as application instances in separate processes do. True for Flyway, whose
     * advisory lock lives in the database; false for Liquibase, whose instances share process-wide state.
     */
    boolean lockSeparatesInstancesInOneJvm();
}
