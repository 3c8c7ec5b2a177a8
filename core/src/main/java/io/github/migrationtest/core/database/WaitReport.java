package io.github.migrationtest.core.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the sessions of a database are waiting on and who holds it, read from pg_stat_activity and
 * pg_locks, in words: the answer to "why did the migration hang?".
 */
final class WaitReport {

    private static final String SESSIONS = "select a.pid, a.application_name, a.state, a.wait_event_type,"
            + " a.wait_event, extract(epoch from now() - coalesce(a.query_start, a.backend_start)), a.query,"
            + " pg_blocking_pids(a.pid), a.datname"
            + " from pg_stat_activity a where %s and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'"
            + " order by a.pid";
    private static final String LOCKS = "select l.locktype, l.mode, l.granted,"
            + " case when l.relation is not null then coalesce(l.relation::regclass::text, l.relation::text) end,"
            + " l.classid, l.objid, l.transactionid::text, l.virtualxid"
            + " from pg_locks l where l.pid = ? order by l.granted, l.locktype";

    private WaitReport() {
    }

    static String collect(DisposableDatabase database) {
        try (Connection connection = database.server().address().connect(database.name(), "migrationtest-report")) {
            List<Session> sessions = sessions(connection, "a.datname = current_database()");
            if (sessions.isEmpty()) {
                return "When the time limit struck, no session was active in " + database.name() + ".";
            }
            StringBuilder text = new StringBuilder("When the time limit struck:");
            for (Session session : sessions) {
                text.append("\n").append(session.describe(connection, "  "));
                if (!session.blockers().isEmpty()) {
                    for (Session blocker : sessions(connection, "a.pid = any(?)", session.blockers())) {
                        text.append("\n    blocked by ").append(blocker.describe(connection, "    ").strip());
                        text.append(heldLocks(connection, blocker.pid(), "      "));
                    }
                }
            }
            return text.toString();
        } catch (SQLException e) {
            return "The sessions of " + database.name() + " could not be inspected: " + e.getMessage();
        }
    }

    private record Session(int pid, String application, String state, String waitType, String waitEvent, double seconds,
            String query, List<Integer> blockers, String database) {

        String describe(Connection connection, String indent) {
            StringBuilder text = new StringBuilder(indent).append("session ").append(pid).append(" (")
                    .append(application == null || application.isEmpty() ? "no application name" : application)
                    .append(", ").append(state).append(" for ").append(String.format(Locale.ROOT, "%.1f s", seconds));
            if (database != null && !database.isEmpty()) {
                text.append(", database ").append(database);
            }
            text.append(")");
            if (waitType != null && "active".equals(state)) {
                text.append(" waiting on ").append(waitType).append("/").append(waitEvent);
                text.append(wantedLocks(connection, pid));
            }
            if (query != null && !query.isBlank()) {
                text.append("\n").append(indent).append("  ").append(state != null && state.startsWith("idle")
                        ? "last statement: " : "running: ").append(oneLine(query));
            }
            return text.toString();
        }
    }

    private static List<Session> sessions(Connection connection, String condition, Object... parameters)
            throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(String.format(SESSIONS, condition))) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("int4", list.toArray()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
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
                    sessions.add(new Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getString(7), blockers, rs.getString(9)));
                }
            }
        }
        return sessions;
    }

    private static String wantedLocks(Connection connection, int pid) {
        List<String> wanted = locks(connection, pid, false);
        return wanted.isEmpty() ? "" : ", wants " + String.join(", ", wanted);
    }

    private static String heldLocks(Connection connection, int pid, String indent) {
        List<String> held = locks(connection, pid, true);
        return held.isEmpty() ? "" : "\n" + indent + "holds " + String.join(", ", held);
    }

    private static List<String> locks(Connection connection, int pid, boolean granted) {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCKS)) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(3) != granted || "virtualxid".equals(rs.getString(1))) {
                        continue;
                    }
                    result.add(rs.getString(2) + " on " + lockTarget(rs));
                }
            }
        } catch (SQLException e) {
            result.add("(locks unreadable: " + e.getMessage() + ")");
        }
        return result;
    }

    private static String lockTarget(ResultSet rs) throws SQLException {
        String type = rs.getString(1);
        return switch (type) {
            case "relation" -> "relation " + rs.getString(4);
            case "advisory" -> "advisory lock (" + rs.getLong(5) + ", " + rs.getLong(6) + ")";
            case "transactionid" -> "transaction " + rs.getString(7);
            default -> type;
        };
    }

    private static String oneLine(String query) {
        String line = query.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
