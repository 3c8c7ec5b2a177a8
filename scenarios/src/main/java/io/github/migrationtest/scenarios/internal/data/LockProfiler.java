package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.LockMode;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.ProbeWait;
import io.github.migrationtest.core.profile.Rewrite;
import io.github.migrationtest.core.profile.RowCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Measures what a migration does to a populated database, exactly rather than by sampling.
 *
 * <p>PostgreSQL keeps every table lock a transaction takes until the transaction ends, so the locks a
 * transaction holds just before it commits are all the locks it took. The engine records the migration in
 * its history table inside the migration's own transaction; a deferred constraint trigger on that table
 * fires at commit, in that transaction, and copies the backend's rows of {@code pg_locks}. Event triggers
 * at the start and end of every DDL command copy them too, with the time, so each lock is known to have
 * been taken by a given statement and held from that statement's start until commit. Rewrites are
 * relations whose {@code relfilenode} changed. Probe sessions show what readers and writers actually waited.
 * The profiler's own objects live in schema {@value #SCHEMA} of the test's clone; their locks are left out.
 */
public final class LockProfiler {

    static final String SCHEMA = "migrationtest_profile";

    private LockProfiler() {
    }

    /** A relation of the database before the migration. */
    private record Relation(long oid, String name, String kind, long filenode, long table) {
    }

    /** One observation: when, in which transaction, during what, and the locks held then. */
    private record Observation(Instant at, Instant transactionStart, int pid, String event, String query,
            Map<Long, List<LockMode>> locks) {
    }

    /**
     * Runs the migration on the database and profiles it.
     *
     * @param run applies the migration (and only it)
     * @param probed the tables probe sessions read and write meanwhile
     */
    public static Profiled profile(MigrationDatabase database, Migration migration, Supplier<MigrationResult> run,
            List<String> probed) {
        Map<Long, Relation> before = relations(database);
        Map<String, Long> rowsBefore = counts(database, before);
        boolean instrumented = instrument(database);
        Instant start = Instant.now();
        MigrationResult result;
        List<ProbeWait> waits;
        try (Probes probes = Probes.start(database, probed)) {
            result = run.get();
            waits = probes.stop();
        }
        Instant end = Instant.now();
        List<Observation> observations = instrumented ? observations(database) : List.of();
        Map<Long, Relation> after = relations(database);
        List<LockHold> locks = locks(observations, before, end);
        List<Rewrite> rewrites = new ArrayList<>();
        for (Relation relation : before.values()) {
            Relation now = after.get(relation.oid());
            if (now != null && now.filenode() != relation.filenode() && relation.filenode() != 0) {
                Relation table = before.get(relation.table());
                rewrites.add(new Rewrite(relation.name(), relation.kind(),
                        table == null ? 0 : rowsBefore.getOrDefault(table.name(), 0L)));
            }
        }
        Map<String, Long> rowsAfter = counts(database, after);
        List<RowCount> rows = new ArrayList<>();
        rowsBefore.forEach((table, count) -> rows.add(new RowCount(table, count, rowsAfter.getOrDefault(table, -1L))));
        uninstrument(database);
        MigrationProfile profile = new MigrationProfile(migration.id(), migration.displayName(),
                Duration.between(start, end), result.succeeded(), locks, rewrites, waits, rows);
        return new Profiled(result, profile, instrumented);
    }

    /** A run's result and profile; {@code exact} is false where the profiler could not install its triggers. */
    public record Profiled(MigrationResult result, MigrationProfile profile, boolean exact) {
    }

    private static List<LockHold> locks(List<Observation> observations, Map<Long, Relation> before, Instant end) {
        // Per transaction (pid and start): each lock's first observation, and the observation before it.
        Map<String, List<Observation>> transactions = new LinkedHashMap<>();
        for (Observation o : observations) {
            transactions.computeIfAbsent(o.pid() + "|" + o.transactionStart(), k -> new ArrayList<>()).add(o);
        }
        List<String> keys = new ArrayList<>(transactions.keySet());
        Map<String, LockHold> holds = new LinkedHashMap<>();
        for (int t = 0; t < keys.size(); t++) {
            List<Observation> events = transactions.get(keys.get(t));
            Observation last = events.get(events.size() - 1);
            // Without a commit observation (no history row written in it) the transaction ended before the next one.
            Instant ended = last.event().equals("commit") ? last.at()
                    : t + 1 < keys.size() ? transactions.get(keys.get(t + 1)).get(0).at() : end;
            for (int i = 0; i < events.size(); i++) {
                Observation o = events.get(i);
                Instant since = i == 0 ? o.transactionStart() : events.get(i - 1).at();
                String statement = o.event().equals("commit") && i > 0 ? "a statement after "
                        + brief(events.get(i - 1).query()) : brief(o.query());
                for (Map.Entry<Long, List<LockMode>> lock : o.locks().entrySet()) {
                    Relation relation = before.get(lock.getKey());
                    if (relation == null) {
                        continue;
                    }
                    for (LockMode mode : lock.getValue()) {
                        String key = relation.name() + "|" + mode;
                        Duration held = Duration.between(since, ended);
                        LockHold existing = holds.get(key);
                        if (existing == null || existing.held().compareTo(held) < 0) {
                            holds.put(key, new LockHold(relation.name(), relation.kind(), mode, held,
                                    existing == null ? statement : existing.statement()));
                        }
                    }
                }
            }
        }
        List<LockHold> result = new ArrayList<>(holds.values());
        result.sort(Comparator.comparing(LockHold::relation).thenComparing(LockHold::mode, Comparator.reverseOrder()));
        return result;
    }

    private static String brief(String query) {
        String flat = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    private static boolean instrument(MigrationDatabase database) {
        String history = database.chain().engineHistory().table();
        String record = SCHEMA + ".record";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("CREATE UNLOGGED TABLE " + SCHEMA + ".observations (at timestamptz, xact_start"
                    + " timestamptz, pid int, event text, query text, locks text)");
            statement.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO PUBLIC");
            statement.execute("CREATE FUNCTION " + record + "(event text) RETURNS void LANGUAGE sql SECURITY DEFINER"
                    + " SET search_path = pg_catalog AS $$ INSERT INTO " + SCHEMA + ".observations SELECT"
                    + " clock_timestamp(), now(), pg_backend_pid(), event, left(current_query(), 500),"
                    + " coalesce(string_agg(l.relation::bigint || ':' || l.mode, ','), '') FROM pg_locks l"
                    + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
                    + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) $$");
            statement.execute("CREATE FUNCTION " + SCHEMA + ".on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM " + record + "(tg_event); END $$");
            statement.execute("CREATE FUNCTION " + SCHEMA + ".on_commit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM " + record + "('commit'); RETURN NULL; END $$");
            statement.execute("CREATE EVENT TRIGGER migrationtest_profile_start ON ddl_command_start EXECUTE FUNCTION "
                    + SCHEMA + ".on_ddl()");
            statement.execute("CREATE EVENT TRIGGER migrationtest_profile_end ON ddl_command_end EXECUTE FUNCTION "
                    + SCHEMA + ".on_ddl()");
            if (exists(connection, history)) {
                statement.execute("CREATE CONSTRAINT TRIGGER migrationtest_profile_commit AFTER INSERT OR UPDATE ON "
                        + history + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + SCHEMA
                        + ".on_commit()");
            }
            return true;
        } catch (SQLException e) {
            // Event triggers need a superuser; without them the profile has rewrites, probes and rows only.
            uninstrument(database);
            return false;
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void uninstrument(MigrationDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP EVENT TRIGGER IF EXISTS migrationtest_profile_start");
            statement.execute("DROP EVENT TRIGGER IF EXISTS migrationtest_profile_end");
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            // The database is a disposable clone; a leftover schema harms nothing.
        }
    }

    private static List<Observation> observations(MigrationDatabase database) {
        List<Observation> observations = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select at, xact_start, pid, event, query, locks from " + SCHEMA
                        + ".observations order by at")) {
            while (rs.next()) {
                Map<Long, List<LockMode>> locks = new LinkedHashMap<>();
                for (String lock : rs.getString(6).split(",")) {
                    int colon = lock.indexOf(':');
                    if (colon > 0) {
                        locks.computeIfAbsent(Long.parseLong(lock.substring(0, colon)), k -> new ArrayList<>())
                                .add(LockMode.ofPgName(lock.substring(colon + 1)));
                    }
                }
                observations.add(new Observation(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getInt(3), rs.getString(4).toLowerCase(Locale.ROOT), rs.getString(5), locks));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return observations;
    }

    private static Map<Long, Relation> relations(MigrationDatabase database) {
        String history = database.chain().engineHistory().table();
        Map<Long, Relation> relations = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("select c.oid, n.nspname || '.' || c.relname,"
                        + " c.relkind::text, c.relfilenode, coalesce(i.indrelid, c.oid) from pg_class c join pg_namespace n"
                        + " on n.oid = c.relnamespace left join pg_index i on i.indexrelid = c.oid"
                        + " where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', ?)"
                        + " and c.relkind in ('r', 'p', 'i', 'I', 'S', 'v', 'm')"
                        + " and coalesce(i.indrelid, c.oid) is distinct from to_regclass(?)")) {
            statement.setString(1, SCHEMA);
            statement.setString(2, history);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), kind(rs.getString(3)),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new io.github.migrationtest.core.model.MigrationTestException("Could not read the relations of "
                    + database.name() + ": " + e.getMessage(), e);
        }
        return relations;
    }

    private static Map<String, Long> counts(MigrationDatabase database, Map<Long, Relation> relations) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (Relation relation : relations.values()) {
                if (relation.kind().equals("table")) {
                    try (ResultSet rs = statement.executeQuery("select count(*) from " + quoted(relation.name()))) {
                        rs.next();
                        counts.put(relation.name(), rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            return counts;
        }
        return counts;
    }

    static String quoted(String qualified) {
        int dot = qualified.indexOf('.');
        return "\"" + qualified.substring(0, dot).replace("\"", "\"\"") + "\".\""
                + qualified.substring(dot + 1).replace("\"", "\"\"") + "\"";
    }

    /** A name as {@link #quoted} wrote it, without the quotes. */
    static String unquoted(String quoted) {
        return quoted.replace("\"", "");
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r", "p" -> "table";
            case "i", "I" -> "index";
            case "S" -> "sequence";
            case "v" -> "view";
            case "m" -> "materialized view";
            default -> "relation";
        };
    }

}
