package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.Seeded;
import java.sql.Connection;

/**
 * Flyway's {@code flyway_schema_history}: installed_rank, version, description, type, script, checksum,
 * installed_by, installed_on, execution_time, success; and its PostgreSQL advisory lock.
 */
final class FlywayHistory extends EngineHistory {

    /**
     * Flyway's lock key: this constant plus the hash of the quoted history table name
     * ({@code "public"."flyway_schema_history"}), as PostgreSQLAdvisoryLockTemplate computes it.
     */
    private static final long LOCK_BASE = 77431708279161L;

    FlywayHistory(MigrationDatabase database) {
        super(database);
    }

    @Override
    public void forget(Migration migration) {
        database.execute("DELETE FROM " + table + " WHERE " + match(migration.id()));
    }

    @Override
    public void recordFailed(Migration migration) {
        insert(migration.id(), migration.description(), migration.script(),
                migration.checksum().map(String::valueOf).orElse("NULL"), false);
    }

    @Override
    public void changeChecksum(Migration migration) {
        // Flipping the lowest bit keeps the checksum an int and makes it differ from the chain's.
        database.execute("UPDATE " + table + " SET checksum = coalesce(checksum, 0) # 1 WHERE " + match(migration.id())
                + " AND success");
    }

    @Override
    public void recordApplied(String id, String description) {
        String script = "V" + id + "__" + description.replace(' ', '_') + ".sql";
        insert(id, description, script, Integer.toString(script.hashCode()), true);
    }

    @Override
    public Seeded holdLock() {
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.'))
                : String.valueOf(database.query("SELECT current_schema() AS schema").get(0).get("schema"));
        long key = LOCK_BASE + ("\"" + schema + "\".\"" + unqualified(table) + "\"").hashCode();
        Connection session = session();
        // A transaction-level lock in a transaction left open: what a Flyway (10 and later) that hangs or whose
        // process froze mid-migration leaves behind - an idle session in a transaction, holding the lock.
        run(session, "SELECT pg_advisory_xact_lock(" + key + ")");
        return closing(session);
    }

    private void insert(String id, String description, String script, String checksum, boolean success) {
        createTableIfMissing();
        boolean repeatable = id.startsWith("R__");
        database.execute("INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1, "
                + (repeatable ? "NULL" : Sql.literal(id)) + ", " + Sql.literal(description) + ", "
                + Sql.literal(script.endsWith(".sql") ? "SQL" : "JDBC") + ", " + Sql.literal(script) + ", " + checksum
                + ", current_user, 0, " + success + " FROM " + table);
    }

    private String match(String id) {
        return id.startsWith("R__") ? "version IS NULL AND description = " + Sql.literal(id.substring(3))
                : "version = " + Sql.literal(id);
    }

    /** The table as Flyway 10 to 13 create it, for states of a database no Flyway has touched yet. */
    private void createTableIfMissing() {
        if (tableExists()) {
            return;
        }
        String name = unqualified(table);
        String schema = table.contains(".") ? "CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.'))
                + ";\n" : "";
        database.execute(schema + "CREATE TABLE " + table + " (installed_rank INT NOT NULL, version VARCHAR(50),"
                + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                + " checksum INTEGER, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),"
                + " execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL, CONSTRAINT " + name + "_pk PRIMARY KEY"
                + " (installed_rank));\nCREATE INDEX " + name + "_s_idx ON " + table + " (success)");
    }
}
