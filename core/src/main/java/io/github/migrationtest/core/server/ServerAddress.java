package io.github.migrationtest.core.server;

import io.github.migrationtest.core.internal.config.Setting;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach a server: host, port, user and password, and how long to wait for it. The password
 * never appears in {@link #toString()}, {@link #jdbcUrl(String)} or any message.
 */
public final class ServerAddress {

    /** The time limit for opening a connection when none is given: the default of {@code migrationtest.connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String maintenanceDatabase;
    private final Duration connectTimeout;

    /**
     * Creates an address with the {@linkplain #DEFAULT_CONNECT_TIMEOUT default} connect timeout.
     *
     * @param host host name or IP address
     * @param port TCP port
     * @param user user name
     * @param password password (may be empty where the server trusts the user)
     * @param maintenanceDatabase the database administrative statements connect to, usually {@code postgres}
     */
    public ServerAddress(String host, int port, String user, String password, String maintenanceDatabase) {
        this(host, port, user, password, maintenanceDatabase, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Creates an address.
     *
     * @param host host name or IP address
     * @param port TCP port
     * @param user user name
     * @param password password (may be empty where the server trusts the user)
     * @param maintenanceDatabase the database administrative statements connect to, usually {@code postgres}
     * @param connectTimeout the time limit for the TCP connect and for the login, each (at least a second)
     */
    public ServerAddress(String host, int port, String user, String password, String maintenanceDatabase,
            Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.maintenanceDatabase = Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The time limit for opening a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Host name or address. */
    public String host() {
        return host;
    }

    /** TCP port. */
    public int port() {
        return port;
    }

    /** User name. */
    public String user() {
        return user;
    }

    /** The database administrative statements connect to. */
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    /** JDBC URL of a database on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A {@code psql} command line that connects to the database, without the password. */
    public String psqlCommand(String database) {
        return "psql -h " + host + " -p " + port + " -U " + user + " " + database;
    }

    /** A data source for a database on this server; each connection names itself {@code applicationName}. */
    public DataSource dataSource(String database, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(applicationName);
        // No socket timeout here: these connections run the user's statements, which the migration
        // time limit bounds; the login timeout covers a server that accepts but never answers.
        dataSource.setConnectTimeout(timeoutSeconds());
        dataSource.setLoginTimeout(timeoutSeconds());
        return dataSource;
    }

    /**
     * Opens a connection to a database on this server, within the {@linkplain #connectTimeout()
     * connect timeout}.
     *
     * @throws SQLTimeoutException if the server did not answer in time, naming host, port and the setting
     */
    public Connection connect(String database, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        String seconds = Integer.toString(timeoutSeconds());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        // The socket timeout ends the driver's login thread on a silent server; once logged in, statements
        // may run as long as the migration time limit allows, so it is lifted again.
        properties.setProperty("socketTimeout", seconds);
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl(database), properties);
        } catch (SQLException e) {
            throw isTimeout(e) ? timeout(e) : e;
        }
        connection.setNetworkTimeout(Runnable::run, 0);
        return connection;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (connectTimeout.toMillis() + 999) / 1000));
    }

    private static boolean isTimeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || String.valueOf(t.getMessage()).contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private SQLTimeoutException timeout(SQLException e) {
        boolean refusedSilently = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            refusedSilently |= String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
        }
        if (refusedSilently) {
            return new SQLTimeoutException("Nothing at " + host + ":" + port + " accepted a connection within "
                    + timeoutSeconds() + " s (" + Setting.CONNECT_TIMEOUT.key() + "): the host does not answer, or a"
                    + " firewall drops the connection. Check the host and port, or raise "
                    + Setting.CONNECT_TIMEOUT.key() + ".", "08001", e);
        }
        return new SQLTimeoutException("The server at " + host + ":" + port + " did not answer within "
                + timeoutSeconds() + " s (" + Setting.CONNECT_TIMEOUT.key() + "): something accepts connections there"
                + " but does not speak PostgreSQL's protocol, or the server is overloaded. Check the host and port,"
                + " or raise " + Setting.CONNECT_TIMEOUT.key() + ".", "08001", e);
    }

    /** Writes a pgpass line for this address, for people who connect by hand to a kept database. */
    public String pgpassLine() {
        return String.join(":", host, Integer.toString(port), "*", escape(user), escape(password));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
