package io.github.migrationtest.core.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach a server: host, port, user and password. The password never appears in
 * {@link #toString()}, {@link #jdbcUrl(String)} or any message.
 */
public final class ServerAddress {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String maintenanceDatabase;

    /**
     * Creates an address.
     *
     * @param host host name or IP address
     * @param port TCP port
     * @param user user name
     * @param password password (may be empty where the server trusts the user)
     * @param maintenanceDatabase the database administrative statements connect to, usually {@code postgres}
     */
    public ServerAddress(String host, int port, String user, String password, String maintenanceDatabase) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.maintenanceDatabase = Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
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
        dataSource.setConnectTimeout(30);
        return dataSource;
    }

    /** Opens a connection to a database on this server. */
    public Connection connect(String database, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "30");
        return DriverManager.getConnection(jdbcUrl(database), properties);
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
