package io.github.migrationtest.core.internal.flyway;

import static io.github.migrationtest.core.internal.HistorySql.literal;

import io.github.migrationtest.core.engine.EngineHistory;
import io.github.migrationtest.core.engine.HeldLock;
import io.github.migrationtest.core.internal.HistorySql;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Flyway's {@code flyway_schema_history}: installed_rank, version, description, type, script, checksum,
 * installed_by, installed_on, execution_time, success; and its PostgreSQL advisory lock.
 */
final class FlywayHistory implements EngineHistory {

    /**
     * Flyway's lock key: this constant plus the hash of the quoted history table name
     * ({@code "public"."flyway_schema_history"}), as PostgreSQLAdvisoryLockTemplate computes it.
     */
    private static final long LOCK_BASE = 77431708279161L;

    private final String table;

    FlywayHistory(String table) {
        this.table = table;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void forget(DataSource database, Migration migration) {
        HistorySql.execute(database, "DELETE FROM " + table + " WHERE " + match(migration.id()));
    }

    @Override
    public void recordFailed(DataSource database, Migration migration) {
        insert(database, migration.id(), migration.description(), migration.script(),
                migration.checksum().map(String::valueOf).orElse("NULL"), false);
    }

    @Override
    public void changeChecksum(DataSource database, Migration migration) {
        // Flipping the lowest bit keeps the checksum an int and makes it differ from the chain's.
        HistorySql.execute(database, "UPDATE " + table + " SET checksum = coalesce(checksum, 0) # 1 WHERE "
                + match(migration.id()) + " AND success");
    }

    @Override
    public void recordApplied(DataSource database, String id, String description) {
        String script = "V" + id + "__" + description.replace(' ', '_') + ".sql";
        insert(database, id, description, script, Integer.toString(script.hashCode()), true);
    }

    @Override
    public HeldLock holdLock(DataSource database) {
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : HistorySql.currentSchema(database);
        long key = LOCK_BASE + ("\"" + schema + "\".\"" + unqualifiedTable() + "\"").hashCode();
        Connection session = session(database);
        // A transaction-level lock in a transaction left open: what a Flyway (10 and later) that hangs or whose
        // process froze mid-migration leaves behind - an idle session in a transaction, holding the lock.
        HistorySql.run(session, "SELECT pg_advisory_xact_lock(" + key + ")");
        return new HeldLock() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    HistorySql.closeQuietly(session);
                }
            }
        };
    }

    @Override
    public boolean lockSeparatesInstancesInOneJvm() {
        return true;
    }

    private static Connection session(DataSource database) {
        try {
            Connection connection = database.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new MigrationTestException("Could not open a session to take Flyway's migration lock: "
                    + e.getMessage(), e);
        }
    }

    private void insert(DataSource database, String id, String description, String script, String checksum,
            boolean success) {
        createTableIfMissing(database);
        boolean repeatable = id.startsWith("R__");
        HistorySql.execute(database, "INSERT INTO " + table + " (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, "
                + (repeatable ? "NULL" : literal(id)) + ", " + literal(description) + ", "
                + literal(script.endsWith(".sql") ? "SQL" : "JDBC") + ", " + literal(script) + ", " + checksum
                + ", current_user, 0, " + success + " FROM " + table);
    }

    private static String match(String id) {
        return id.startsWith("R__") ? "version IS NULL AND description = " + literal(id.substring(3))
                : "version = " + literal(id);
    }

    /** The table as Flyway 10 to 13 create it, for states of a database no Flyway has touched yet. */
    private void createTableIfMissing(DataSource database) {
        if (HistorySql.tableExists(database, table)) {
            return;
        }
        String name = unqualifiedTable();
        String schema = table.contains(".") ? "CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.'))
                + ";\n" : "";
        HistorySql.execute(database, schema + "CREATE TABLE " + table + " (installed_rank INT NOT NULL, version"
                + " VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000)"
                + " NOT NULL, checksum INTEGER, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL"
                + " DEFAULT now(), execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL, CONSTRAINT " + name
                + "_pk PRIMARY KEY (installed_rank));\nCREATE INDEX " + name + "_s_idx ON " + table + " (success)");
    }
}
