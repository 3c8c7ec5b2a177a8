package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.core.HistoryEntry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source that notes the rows its connections insert into an engine's history table, so that a
 * concurrent run can tell which migrator recorded which migration: the engines' own accounts compare the
 * history before and after a run, and so claim the migrations another migrator applied while they waited
 * for the lock.
 *
 * <p>It reads no SQL beyond recognising {@code INSERT INTO <history table>}; a noted insert is matched to
 * the history rows afterwards by the script and id it carries (as a parameter or a literal).
 */
public final class HistoryWrites implements DataSource {

    private final DataSource target;
    private final Pattern insert;
    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());

    /** One insert into the history table: its SQL and the parameters bound to it. */
    record Write(String sql, List<String> parameters) {

        boolean carries(String value) {
            return parameters.contains(value) || sql.contains("'" + value.replace("'", "''") + "'");
        }
    }

    /** Notes the inserts into {@code historyTable} (qualified or not) made through {@code target}'s connections. */
    public HistoryWrites(DataSource target, String historyTable) {
        this.target = target;
        String table = historyTable.substring(historyTable.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
        this.insert = Pattern.compile("^\\s*insert\\s+into\\s+(?:[\\w\"$]+\\.)?\"?" + Pattern.quote(table) + "\"?[\\s(]",
                Pattern.CASE_INSENSITIVE);
    }

    /**
     * The history rows these connections wrote, picked from the whole history; each row goes to at most one
     * writer, so call this for each writer with the rows the earlier ones did not take.
     *
     * @param history the history after the run
     * @param taken rows already attributed to other writers; the rows found here are added to it
     */
    public List<HistoryEntry> recorded(List<HistoryEntry> history, List<HistoryEntry> taken) {
        List<HistoryEntry> mine = new ArrayList<>();
        synchronized (writes) {
            for (Write write : writes) {
                history.stream().filter(e -> !taken.contains(e) && write.carries(e.script()))
                        .filter(e -> write.carries(e.id()) || e.id().startsWith("R__"))
                        .findFirst().ifPresent(e -> {
                            taken.add(e);
                            mine.add(e);
                        });
            }
        }
        return mine;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(HistoryWrites.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                        return prepared(prepared, (String) args[0]);
                    }
                    if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                        return statement(statement);
                    }
                    return result;
                });
    }

    private Statement statement(Statement statement) {
        return (Statement) Proxy.newProxyInstance(HistoryWrites.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql
                            && (method.getName().startsWith("execute") || method.getName().equals("addBatch"))) {
                        note(sql, Map.of());
                    }
                    return invoke(statement, method, args);
                });
    }

    private PreparedStatement prepared(PreparedStatement statement, String sql) {
        Map<Integer, String> parameters = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("setNull") && args != null && args[0] instanceof Integer index) {
                parameters.put(index, null);
            } else if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, Objects.toString(args[1], null));
            } else if (name.equals("clearParameters")) {
                parameters.clear();
            } else if ((name.startsWith("execute") || name.equals("addBatch")) && (args == null || args.length == 0)) {
                note(sql, parameters);
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(HistoryWrites.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private void note(String sql, Map<Integer, String> parameters) {
        if (insert.matcher(sql).find()) {
            writes.add(new Write(sql, new ArrayList<>(parameters.values())));
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
