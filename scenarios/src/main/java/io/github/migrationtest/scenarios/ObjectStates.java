package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.core.internal.SqlScript;
import io.github.migrationtest.scenarios.BrokenState.Kind;
import java.util.List;

/**
 * The broken states of objects: a missing schema, objects present but unrecorded, a partially applied migration;
 * {@link BrokenStates} documents them.
 */
final class ObjectStates {

    private ObjectStates() {
    }

    // See BrokenStates.missingSchema.
    static BrokenState missingSchema(String schema) {
        return BrokenState.of(Kind.MISSING_SCHEMA, "missing schema: " + schema,
                "drops schema " + schema + " and everything in it, if it exists", db -> {
                    db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.objectsPresentButUnrecorded.
    static BrokenState objectsPresentButUnrecorded(String migrationId) {
        return BrokenState.of(Kind.OBJECTS_PRESENT_BUT_UNRECORDED, "objects present but unrecorded: " + migrationId,
                "runs migration " + migrationId + " and removes it from the history", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "objectsPresentButUnrecorded");
                    StateSupport.requireNext(db, migration, "objectsPresentButUnrecorded");
                    MigrationResult result = db.migrateTo(migrationId);
                    if (!result.succeeded()) {
                        throw new MigrationTestException("objectsPresentButUnrecorded(\"" + migrationId + "\"): the"
                                + " migration fails on " + db.name() + ", so its objects cannot be put in place:\n  "
                                + result.describe().replace("\n", "\n  "));
                    }
                    db.chain().engineHistory().forget(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.tableAlreadyExists.
    static BrokenState tableAlreadyExists(String table, String columns) {
        return objects("table already exists: " + table, "creates table " + table + " (" + columns + ")",
                "CREATE TABLE " + table + " (" + columns + ")");
    }

    // See BrokenStates.columnAlreadyExists.
    static BrokenState columnAlreadyExists(String table, String column, String type) {
        return objects("column already exists: " + table + "." + column, "adds column " + column + " " + type + " to "
                + table, "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
    }

    // See BrokenStates.indexAlreadyExists.
    static BrokenState indexAlreadyExists(String index, String table, String keys) {
        return objects("index already exists: " + index, "creates index " + index + " on " + table + " (" + keys + ")",
                "CREATE INDEX " + index + " ON " + table + " (" + keys + ")");
    }

    // See BrokenStates.partiallyApplied.
    static BrokenState partiallyApplied(String migrationId, int statements) {
        return BrokenState.of(Kind.PARTIALLY_APPLIED, "partially applied: " + migrationId + ", first " + statements
                + " statement(s)", "runs the first " + statements + " statement(s) of migration " + migrationId
                + ", each in its own transaction; the migration stays unrecorded", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "partiallyApplied");
                    List<String> all = statements(db, migration);
                    if (statements < 1 || statements > all.size()) {
                        throw new MigrationTestException("partiallyApplied(\"" + migrationId + "\", " + statements
                                + "): migration " + migration.displayName() + " has " + all.size() + " statement(s);"
                                + " give a number from 1 to " + all.size() + ".");
                    }
                    for (int i = 0; i < statements; i++) {
                        try {
                            db.execute(all.get(i));
                        } catch (MigrationTestException e) {
                            throw new MigrationTestException("partiallyApplied(\"" + migrationId + "\", " + statements
                                    + "): statement " + (i + 1) + " of migration " + migration.displayName()
                                    + " fails on " + db.name() + ": " + e.getMessage(), e);
                        }
                    }
                    return Seeded.NOTHING;
                });
    }

    static BrokenState objects(String name, String description, String sql) {
        return BrokenState.of(Kind.OBJECTS_PRESENT_BUT_UNRECORDED, name, description, db -> {
            db.execute(sql);
            return Seeded.NOTHING;
        });
    }

    static List<String> statements(MigrationDatabase db, Migration migration) {
        String sql = db.chain().sql(migration).orElseThrow(() -> new MigrationTestException("partiallyApplied(\""
                + migration.id() + "\", ...): migration " + migration.displayName() + " has no SQL text (a Java"
                + " migration, or a changeset without SQL), and partial application runs its SQL statements."));
        if (sql.contains("${")) {
            throw new MigrationTestException("partiallyApplied(\"" + migration.id() + "\", ...): migration "
                    + migration.displayName() + " uses placeholders (${...}), which only the engine replaces.");
        }
        return SqlScript.statements(sql);
    }
}
