package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;

/**
 * Liquibase's {@code DATABASECHANGELOG} (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,
 * description, comments, tag, liquibase, contexts, labels, deployment_id) and its lock row in
 * {@code DATABASECHANGELOGLOCK} (id, locked, lockgranted, lockedby), in the schema of the history table.
 */
final class LiquibaseHistory extends EngineHistory {

    private final String lockTable;

    LiquibaseHistory(MigrationDatabase database) {
        super(database);
        // Liquibase's default names differ by the suffix; a project that renames one usually renames both alike.
        this.lockTable = table + "lock";
    }

    @Override
    public void forget(Migration migration) {
        database.execute("DELETE FROM " + table + " WHERE " + match(migration));
    }

    /**
     * Refuses: Liquibase records no failed changesets. A failed changeset is rolled back and left unrecorded, one
     * with failOnError=false is skipped and left unrecorded too; a FAILED row made by hand would only make Liquibase
     * skip the changeset for good, which no deployment produces.
     */
    @Override
    public void recordFailed(Migration migration) {
        throw new MigrationTestException("failedMigrationRecorded(\"" + migration.id() + "\"): Liquibase records no"
                + " failed changesets (a failed changeset is rolled back and left unrecorded), so this state does not"
                + " arise with Liquibase. What a changeset that runs outside a transaction leaves when it fails is"
                + " partiallyApplied(\"" + migration.id() + "\", <statements>).");
    }

    @Override
    public void changeChecksum(Migration migration) {
        // A checksum of the current format that no changeset text produces.
        database.execute("UPDATE " + table + " SET md5sum = '9:' || md5('migrationtest ' || coalesce(md5sum, ''))"
                + " WHERE " + match(migration));
    }

    @Override
    public void recordApplied(String id, String description) {
        insert(id, "migrationtest", "db/changelog/removed-changelog.xml", description, "NULL", "EXECUTED");
    }

    /**
     * Marks the lock row taken, by a host that is gone, two hours ago. Liquibase keeps its lock in a row, not a
     * session: the row outlives the process that took it, so there is nothing to end when the state is closed.
     */
    @Override
    public Seeded holdLock() {
        database.execute("CREATE TABLE IF NOT EXISTS " + lockTable + " (id integer NOT NULL PRIMARY KEY,"
                + " locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255));\n"
                + "INSERT INTO " + lockTable + " (id, locked) VALUES (1, false) ON CONFLICT (id) DO NOTHING;\n"
                + "UPDATE " + lockTable + " SET locked = true, lockgranted = now() - interval '2 hours',"
                + " lockedby = 'deploy-7f9c4 (10.0.3.17)' WHERE id = 1");
        return Seeded.NOTHING;
    }

    private void insert(String id, String author, String filename, String description, String checksum,
            String execType) {
        createTableIfMissing();
        database.execute("INSERT INTO " + table + " (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,"
                + " description, liquibase, deployment_id) SELECT " + Sql.literal(id) + ", " + Sql.literal(author) + ", "
                + Sql.literal(filename) + ", now(), coalesce(max(orderexecuted), 0) + 1, " + Sql.literal(execType) + ", "
                + checksum + ", " + Sql.literal(description.isEmpty() ? "sql" : description) + ", 'migrationtest',"
                + " '0000000000' FROM " + table);
    }

    private String match(Migration migration) {
        return "id = " + Sql.literal(migration.id())
                + migration.author().map(a -> " AND author = " + Sql.literal(a)).orElse("")
                + " AND filename = " + Sql.literal(migration.script());
    }

    /** The table as Liquibase 4 and 5 create it, for states of a database no Liquibase has touched yet. */
    private void createTableIfMissing() {
        if (tableExists()) {
            return;
        }
        database.execute("CREATE TABLE " + table + " (id varchar(255) NOT NULL, author varchar(255) NOT NULL,"
                + " filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL,"
                + " exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255),"
                + " tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255),"
                + " deployment_id varchar(10))");
    }
}
