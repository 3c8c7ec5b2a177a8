package io.github.migrationtest.scenarios.internal.data;

import java.util.Locale;

/** The safer pattern for a statement that held a strong lock or rewrote a table, from what the statement says. */
final class Advice {

    private Advice() {
    }

    static String saferPattern(String statement) {
        String sql = statement.toUpperCase(Locale.ROOT);
        if (sql.contains("CREATE") && sql.contains("INDEX") && !sql.contains("CONCURRENTLY")) {
            return "CREATE INDEX CONCURRENTLY (it takes SHARE UPDATE EXCLUSIVE: reads and writes go on), in a migration"
                    + " of its own that runs outside a transaction (Flyway: a script with only it, and"
                    + " postgresql.transactional.lock=false; Liquibase: runInTransaction=false)";
        }
        if (sql.contains("NOT NULL") && sql.contains("SET")) {
            return "ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later migration,"
                    + " then SET NOT NULL, which PostgreSQL 12+ proves from the check without a scan";
        }
        if (sql.contains("FOREIGN KEY") || sql.contains("REFERENCES") || sql.contains("CHECK")) {
            return "ADD CONSTRAINT ... NOT VALID (a short lock, no scan), then VALIDATE CONSTRAINT in a later migration"
                    + " (SHARE UPDATE EXCLUSIVE: reads and writes go on)";
        }
        if (sql.contains(" TYPE ")) {
            return "add a new column of the new type, backfill it in batches, switch the application over, then drop"
                    + " the old column (or keep the type and constrain it with a CHECK ... NOT VALID)";
        }
        if (sql.contains("UPDATE") || sql.contains("DELETE")) {
            return "backfill in batches of a few thousand rows, each in its own transaction, outside the schema change";
        }
        return "split the migration so that the strong lock is taken alone and briefly, and SET lock_timeout so it"
                + " gives up instead of queueing every other session behind it";
    }
}
