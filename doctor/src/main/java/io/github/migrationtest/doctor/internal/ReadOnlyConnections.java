package io.github.migrationtest.doctor.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to a live database that cannot write: the server starts the session with
 * {@code default_transaction_read_only=on}; the session characteristics are set to read only as well, for
 * poolers that drop startup options; and the setting is checked before the connection is handed out.
 */
public final class ReadOnlyConnections {

    /** The application name of the doctor's sessions, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = "migrationtest-doctor";

    private ReadOnlyConnections() {
    }

    /** Opens a read-only connection. */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "30");
        // Short lock and statement timeouts: reading a catalog behind a migration's lock must not hang the doctor.
        properties.setProperty("options", "-c default_transaction_read_only=on -c lock_timeout=5s"
                + " -c statement_timeout=120s");
        return checked(DriverManager.getConnection(jdbcUrl, properties), jdbcUrl);
    }

    /** Connections of a data source, each made read-only and checked. */
    public static DataSource readOnly(DataSource source, String jdbcUrl) {
        return new ReadOnlyDataSource(jdbcUrl, "", "") {
            @Override
            Connection open(String user, String password) throws SQLException {
                Connection connection = source.getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET default_transaction_read_only = on");
                    statement.execute("SET lock_timeout = '5s'");
                    statement.execute("SET statement_timeout = '120s'");
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                return checked(connection, jdbcUrl);
            }
        };
    }

    private static Connection checked(Connection connection, String jdbcUrl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            try (ResultSet rs = statement.executeQuery("SHOW default_transaction_read_only")) {
                if (!rs.next() || !"on".equals(rs.getString(1))) {
                    connection.close();
                    throw new SQLException("The session to " + jdbcUrl + " did not become read-only; the doctor"
                            + " examines only through read-only sessions.");
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A data source of read-only connections. */
    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        return new ReadOnlyDataSource(jdbcUrl, user, password);
    }

    /** The smallest DataSource an engine needs: connections, all read-only. */
    private static class ReadOnlyDataSource implements DataSource {
        private final String jdbcUrl;
        private final String user;
        private final String password;

        ReadOnlyDataSource(String jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
        }

        Connection open(String username, String secret) throws SQLException {
            return connect(jdbcUrl, username, secret);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return open(user, password);
        }

        @Override
        public Connection getConnection(String username, String otherPassword) throws SQLException {
            return open(username, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Nothing is logged through it.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // The connect timeout is fixed.
        }

        @Override
        public int getLoginTimeout() {
            return 30;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }

        @Override
        public String toString() {
            return "read-only connections to " + jdbcUrl;
        }
    }
}
