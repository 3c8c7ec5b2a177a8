package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.core.engine.HeldLock;
import io.github.migrationtest.scenarios.BrokenState.Kind;
import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.scenarios.internal.MigrationEffects;
import io.github.migrationtest.scenarios.internal.RowFiller;
import io.github.migrationtest.scenarios.internal.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The broken states of indexes and locks: an invalid index left by a failed CONCURRENTLY build, a stuck migration
 * lock; {@link BrokenStates} documents them.
 */
final class IndexAndLockStates {

    private IndexAndLockStates() {
    }

    // See BrokenStates.invalidIndex.
    static BrokenState invalidIndex(String index, String table, String column, String... more) {
        List<String> columns = Stream.concat(Stream.of(column), Arrays.stream(more)).toList();
        return BrokenState.of(Kind.INVALID_INDEX, "invalid index: " + index, "leaves an invalid index " + index + " on "
                + table + " (" + String.join(", ", columns) + ") by a CREATE UNIQUE INDEX CONCURRENTLY that fails", db -> {
                    createInvalidIndex(db, index, table, table, columns);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.invalidIndex.
    static BrokenState invalidIndex(String migrationId) {
        return BrokenState.of(Kind.INVALID_INDEX, "invalid index: " + migrationId,
                "leaves invalid indexes of the names migration " + migrationId + " creates", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "invalidIndex");
                    MigrationEffects effects = StateSupport.observe(db).effects(migration);
                    List<Index> indexes = indexesOnExistingTables(effects);
                    if (indexes.isEmpty()) {
                        throw new MigrationTestException("invalidIndex(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " creates no index on columns of a table that exists"
                                + " before it.");
                    }
                    for (Index index : indexes) {
                        createInvalidIndex(db, Sql.readable(index.name().name()), index.table().toString(),
                                Sql.readable(index.table()), index.keys());
                    }
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.stuckMigrationLock.
    static BrokenState stuckMigrationLock() {
        return BrokenState.of(Kind.MIGRATION_LOCK_HELD, "stuck migration lock",
                "takes the engine's migration lock and does not let go (Flyway: a session of its own, "
                        + ApplicationNames.STUCK_MIGRATOR + ", until closed; Liquibase: its lock row)", db -> {
                    HeldLock lock = db.chain().engineHistory().holdLock(
                            db.server().address().dataSource(db.name(), ApplicationNames.STUCK_MIGRATOR));
                    return lock::close;
                });
    }

    /** Leaves an invalid index for real: a unique build over two rows with equal keys fails in its build phase, after the index is in the catalog, exactly as a failed CONCURRENTLY build in production does. */
    static void createInvalidIndex(MigrationDatabase db, String index, String table, String tableSql,
            List<String> columns) {
        RowFiller filler = new RowFiller(db);
        RowFiller.InsertedRow first = filler.insert(table, Map.of(), Set.copyOf(columns));
        Map<String, String> same = new LinkedHashMap<>();
        for (String column : columns) {
            same.put(column, first.values().get(column));
        }
        RowFiller.InsertedRow second = filler.insert(table, same);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + tableSql + " ("
                    + columns.stream().map(Sql::identifier).collect(Collectors.joining(", ")) + ")");
            statement.execute("DROP INDEX " + index);
            throw new MigrationTestException("invalidIndex(\"" + index + "\", ...): the index build did not fail on"
                    + " two rows with equal keys, so no invalid index could be left.");
        } catch (SQLException expected) {
            if (!"23505".equals(expected.getSQLState())) {
                throw new MigrationTestException("invalidIndex(\"" + index + "\", ...): the index build failed, but not"
                        + " on the duplicate keys: " + expected.getMessage(), expected);
            }
        } finally {
            filler.delete(List.of(second, first));
        }
    }

    static List<Index> indexesOnExistingTables(MigrationEffects effects) {
        List<Index> indexes = new ArrayList<>();
        for (Index index : effects.newIndexes()) {
            boolean newTable = effects.newTables().stream().anyMatch(t -> t.name().equals(index.table()));
            Set<String> newColumns = effects.newColumns().stream().filter(c -> c.table().equals(index.table()))
                    .map(c -> c.column().name()).collect(Collectors.toSet());
            // Only plain columns that exist before the migration can carry the duplicates the failed build needs.
            boolean plainOldColumns = index.keys().stream().allMatch(k -> k.matches("[a-z_][a-z0-9_$]*")
                    && !newColumns.contains(k));
            if (!newTable && !index.primary() && plainOldColumns && index.predicate().isEmpty()) {
                indexes.add(index);
            }
        }
        return indexes;
    }
}
