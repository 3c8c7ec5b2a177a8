package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Runs one migration, profiled, on a clone of its populated state. */
public final class DataRun {

    private static final int MOST_PROBED_TABLES = 4;

    private DataRun() {
    }

    /** The result and profile of applying {@code migration} (at {@code index}) to its populated state. */
    public static LockProfiler.Profiled run(PopulatedStates states, int index, Migration migration) {
        MigrationDatabase database = states.cloneAt(index - 1);
        boolean kept = false;
        try {
            List<String> probed = probed(database, migration);
            LockProfiler.Profiled profiled = LockProfiler.profile(database, migration,
                    () -> database.migrateTo(database.chain().targetOf(migration)), probed);
            ProfileLog.record(profiled.profile());
            if (profiled.result().succeeded()) {
                kept = states.adopt(index, database);
            }
            return profiled;
        } finally {
            if (!kept) {
                database.close();
            }
        }
    }


    /**
     * The tables probe sessions read and write: the populated tables the migration's SQL names, else the
     * largest ones. The SQL only chooses where to look; what the migration locks comes from pg_locks.
     */
    private static List<String> probed(MigrationDatabase database, Migration migration) {
        String sql = database.chain().sql(migration).orElse("").toLowerCase(Locale.ROOT);
        List<java.util.Map<String, Object>> tables = database.query("select n.nspname || '.' || c.relname as name,"
                + " c.relname as short, c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')"
                + " and n.nspname not like 'pg_toast%' and c.reltuples > 0 and c.oid is distinct from to_regclass(?)"
                + " order by c.reltuples desc, 1", database.chain().engineHistory().table());
        List<String> named = tables.stream().filter(t -> Pattern.compile("\\b" + Pattern.quote(String.valueOf(
                t.get("short")).toLowerCase(Locale.ROOT)) + "\\b").matcher(sql).find())
                .map(t -> LockProfiler.quoted(String.valueOf(t.get("name")))).limit(MOST_PROBED_TABLES).toList();
        if (!named.isEmpty() || !sql.isEmpty()) {
            return named;
        }
        return tables.stream().map(t -> LockProfiler.quoted(String.valueOf(t.get("name"))))
                .limit(MOST_PROBED_TABLES).toList();
    }

}
