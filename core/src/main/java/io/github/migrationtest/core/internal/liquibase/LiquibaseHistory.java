package io.github.migrationtest.core.internal.liquibase;

import static io.github.migrationtest.core.internal.HistorySql.literal;

import io.github.migrationtest.core.engine.EngineHistory;
import io.github.migrationtest.core.engine.HeldLock;
import io.github.migrationtest.core.internal.HistorySql;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import javax.sql.DataSource;

/**
 * Liquibase's {@code DATABASECHANGELOG} (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,
 * description, comments, tag, liquibase, contexts, labels, deployment_id) and its lock row in
 * {@code DATABASECHANGELOGLOCK} (id, locked, lockgranted, lockedby), in the schema of the history table.
 */
final class LiquibaseHistory implements EngineHistory {

    private final String table;
    private final String lockTable;

    LiquibaseHistory(String table) {
        this.table = table;
        // Liquibase's default names differ by the suffix; a project that renames one usually renames both alike.
        this.lockTable = table + "lock";
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void forget(DataSource database, Migration migration) {
        HistorySql.execute(database, "DELETE FROM " + table + " WHERE " + match(migration));
    }

    /**
     * Refuses: Liquibase records no failed changesets. A failed changeset is rolled back and left unrecorded, one
     * with failOnError=false is skipped and left unrecorded too; a FAILED row made by hand would only make Liquibase
     * skip the changeset for good, which no deployment produces.
     */
    @Override
    public void recordFailed(DataSource database, Migration migration) {
        throw new MigrationTestException("failedMigrationRecorded(\"" + migration.id() + "\"): Liquibase records no"
                + " failed changesets (a failed changeset is rolled back and left unrecorded), so this state does not"
                + " arise with Liquibase. What a changeset that runs outside a transaction leaves when it fails is"
                + " partiallyApplied(\"" + migration.id() + "\", <statements>).");
    }

    @Override
    public void changeChecksum(DataSource database, Migration migration) {
        // A checksum of the current format that no changeset text produces.
        HistorySql.execute(database, "UPDATE " + table + " SET md5sum = '9:' || md5('migrationtest ' ||"
                + " coalesce(md5sum, '')) WHERE " + match(migration));
    }

    @Override
    public void recordApplied(DataSource database, String id, String description) {
        createTableIfMissing(database);
        HistorySql.execute(database, "INSERT INTO " + table + " (id, author, filename, dateexecuted, orderexecuted,"
                + " exectype, md5sum, description, liquibase, deployment_id) SELECT " + literal(id) + ", "
                + literal("migrationtest") + ", " + literal("db/changelog/removed-changelog.xml")
                + ", now(), coalesce(max(orderexecuted), 0) + 1, 'EXECUTED', NULL, "
                + literal(description.isEmpty() ? "sql" : description) + ", 'migrationtest', '0000000000' FROM "
                + table);
    }

    /**
     * Marks the lock row taken, by a host that is gone, two hours ago. Liquibase keeps its lock in a row, not a
     * session: the row outlives the process that took it, so there is nothing to end when the lock is closed.
     */
    @Override
    public HeldLock holdLock(DataSource database) {
        HistorySql.execute(database, "CREATE TABLE IF NOT EXISTS " + lockTable + " (id integer NOT NULL PRIMARY KEY,"
                + " locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255));\n"
                + "INSERT INTO " + lockTable + " (id, locked) VALUES (1, false) ON CONFLICT (id) DO NOTHING;\n"
                + "UPDATE " + lockTable + " SET locked = true, lockgranted = now() - interval '2 hours',"
                + " lockedby = 'deploy-7f9c4 (10.0.3.17)' WHERE id = 1");
        return HeldLock.IN_THE_DATABASE;
    }

    /**
     * False: several Liquibase instances in one JVM share process-wide state, and their changelog lock did not
     * separate them reliably (seen with 4.33 and 5.0.4: two instances running the same changeset at once, and a
     * lock left taken).
     */
    @Override
    public boolean lockSeparatesInstancesInOneJvm() {
        return false;
    }

    private static String match(Migration migration) {
        return "id = " + literal(migration.id())
                + migration.author().map(a -> " AND author = " + literal(a)).orElse("")
                + " AND filename = " + literal(migration.script());
    }

    /** The table as Liquibase 4 and 5 create it, for states of a database no Liquibase has touched yet. */
    private void createTableIfMissing(DataSource database) {
        if (HistorySql.tableExists(database, table)) {
            return;
        }
        HistorySql.execute(database, "CREATE TABLE " + table + " (id varchar(255) NOT NULL, author varchar(255) NOT"
                + " NULL, filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted integer NOT"
                + " NULL, exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments"
                + " varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255),"
                + " deployment_id varchar(10))");
    }
}
