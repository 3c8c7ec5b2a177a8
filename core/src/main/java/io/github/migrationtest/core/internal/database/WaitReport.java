package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.model.SessionWait;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the active sessions of a database wait on and who blocks them, read from pg_stat_activity
 * and pg_locks: the answer to "why did the migration hang?".
 */
final class WaitReport {

    private static final String SESSIONS = "select a.pid, a.application_name, a.state, a.wait_event_type,"
            + " a.wait_event, extract(epoch from now() - coalesce(a.query_start, a.backend_start)), a.query,"
            + " pg_blocking_pids(a.pid), a.datname"
            + " from pg_stat_activity a where %s and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'"
            + " order by a.pid";
    // Locks on system catalogs are taken by everyone and explain nothing; advisory locks are the engines' own.
    private static final String LOCKS = "select l.granted, l.locktype, l.mode,"
            + " case when l.relation is not null then coalesce(l.relation::regclass::text, l.relation::text) end,"
            + " l.classid, l.objid, l.transactionid::text"
            + " from pg_locks l left join pg_class c on c.oid = l.relation"
            + " where l.pid = ? and l.locktype in ('relation', 'advisory', 'transactionid', 'virtualxid', 'object')"
            + " and (c.oid is null or c.relnamespace <> 'pg_catalog'::regnamespace)"
            + " order by l.granted, l.locktype, 4";
    private static final int MOST_HELD_LOCKS = 6;

    private WaitReport() {
    }

    /** The active sessions of the database with their blockers; empty if it cannot be read. */
    static List<SessionWait> collect(PostgresServer server, String database) {
        try (Connection connection = server.address().connect(database, ApplicationNames.WAIT_REPORT)) {
            List<SessionWait> report = new ArrayList<>();
            for (Row row : rows(connection, "a.datname = current_database() and a.state = 'active'")) {
                List<SessionWait> blockers = new ArrayList<>();
                if (!row.blockers().isEmpty()) {
                    for (Row blocker : rows(connection, "a.pid = any(?)", row.blockers())) {
                        blockers.add(blocker.toWait(connection, List.of()));
                    }
                }
                report.add(row.toWait(connection, blockers));
            }
            return report;
        } catch (SQLException e) {
            return List.of();
        }
    }

    private record Row(int pid, String application, String state, String waitType, String waitEvent, double seconds,
            String query, List<Integer> blockers, String database) {

        SessionWait toWait(Connection connection, List<SessionWait> blockedBy) {
            boolean waiting = waitType != null && "active".equals(state);
            return new SessionWait(pid, nullToEmpty(application), nullToEmpty(state), seconds, nullToEmpty(database),
                    waiting ? Optional.of(waitType + "/" + waitEvent) : Optional.empty(), nullToEmpty(query),
                    waiting ? locks(connection, pid, false) : List.of(),
                    blockedBy.isEmpty() ? heldIfBlocking(connection, pid) : List.of(), blockedBy);
        }

        private List<String> heldIfBlocking(Connection connection, int pid) {
            // Held locks matter for the blockers; they are read for every session only to keep this simple.
            List<String> held = locks(connection, pid, true);
            return held.size() > MOST_HELD_LOCKS ? held.subList(0, MOST_HELD_LOCKS) : held;
        }
    }

    private static List<Row> rows(Connection connection, String condition, Object... parameters) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(String.format(SESSIONS, condition))) {
            for (int i = 0; i < parameters.length; i++) {
                List<?> list = (List<?>) parameters[i];
                statement.setArray(i + 1, connection.createArrayOf("int4", list.toArray()));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Integer> blockers = new ArrayList<>();
                    Array array = rs.getArray(8);
                    if (array != null) {
                        for (Object pid : (Object[]) array.getArray()) {
                            blockers.add(((Number) pid).intValue());
                        }
                    }
                    rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getDouble(6), rs.getString(7), blockers, rs.getString(9)));
                }
            }
        }
        return rows;
    }

    private static List<String> locks(Connection connection, int pid, boolean granted) {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCKS)) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1) == granted && !(granted && "virtualxid".equals(rs.getString(2)))) {
                        result.add(rs.getString(3) + " on " + target(rs));
                    }
                }
            }
        } catch (SQLException e) {
            result.add("(locks unreadable: " + e.getMessage() + ")");
        }
        return result;
    }

    private static String target(ResultSet rs) throws SQLException {
        return switch (rs.getString(2)) {
            case "relation" -> "relation " + rs.getString(4);
            case "advisory" -> "advisory lock (" + rs.getLong(5) + ", " + rs.getLong(6) + ")";
            case "transactionid" -> "transaction " + rs.getString(7);
            case "virtualxid" -> "the end of another transaction (virtualxid)";
            default -> rs.getString(2);
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
