package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The edits broken states make to an engine's bookkeeping, in the engine's own table layout: the one
 * place that knows {@code flyway_schema_history} and {@code DATABASECHANGELOG}.
 */
public abstract class EngineHistory {

    /** The application name of the session a stuck lock keeps open, as {@code pg_stat_activity} shows it. */
    public static final String STUCK_MIGRATOR = "migrationtest-stuck-migrator";

    /** The database whose history this edits. */
    protected final MigrationDatabase database;

    /** The history table, as SQL names it. */
    protected final String table;

    EngineHistory(MigrationDatabase database) {
        this.database = database;
        this.table = database.chain().historyTable();
    }

    /**
     * The history of the database's engine.
     *
     * @throws MigrationTestException for an engine whose history layout is not known
     */
    public static EngineHistory of(MigrationDatabase database) {
        String engine = database.chain().engine();
        if (engine.startsWith("Flyway")) {
            return new FlywayHistory(database);
        }
        if (engine.startsWith("Liquibase")) {
            return new LiquibaseHistory(database);
        }
        throw new MigrationTestException("Broken states that edit the migration history know Flyway and Liquibase;"
                + " the chain of " + database.name() + " runs on " + engine + ".");
    }

    /** Removes every history row of the migration, as if it had never been recorded. */
    public abstract void forget(Migration migration);

    /** Records the migration as failed, creating the history table where it is missing. */
    public abstract void recordFailed(Migration migration);

    /** Changes the recorded checksum of an applied migration, as an edit of its script after it ran would. */
    public abstract void changeChecksum(Migration migration);

    /**
     * Records as applied a migration the chain does not have, creating the history table where it is missing.
     *
     * @param id its id (a Flyway version, a Liquibase changeset id)
     * @param description its description
     */
    public abstract void recordApplied(String id, String description);

    /** Takes the engine's migration lock and keeps it until the returned state is closed. */
    public abstract Seeded holdLock();

    /** Whether the database has the history table. */
    protected boolean tableExists() {
        return database.query("SELECT to_regclass(?) IS NOT NULL AS present", table).get(0).get("present")
                .equals(Boolean.TRUE);
    }

    /** A session of its own, in a transaction, that the state keeps open until it is closed. */
    protected Connection session() {
        try {
            Connection connection = database.database().server().address().connect(database.name(), STUCK_MIGRATOR);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new MigrationTestException("Could not open a session to " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement in the session, closing the session if it fails. */
    protected static void run(Connection session, String sql) {
        try (Statement statement = session.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            close(session);
            throw new MigrationTestException("Could not take the migration lock: " + e.getMessage(), e);
        }
    }

    /** The state of a session that holds a lock: closing it ends the session, which releases the lock. */
    protected static Seeded closing(Connection session) {
        return new Seeded() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    EngineHistory.close(session);
                }
            }
        };
    }

    private static void close(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            // The server may have ended the session already (a timeout, a dropped database): the lock is gone either way.
        }
    }

    /** The part of a possibly schema-qualified name after the dot. */
    protected static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
