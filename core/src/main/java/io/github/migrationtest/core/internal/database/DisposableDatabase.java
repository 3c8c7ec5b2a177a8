package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.server.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A database of one test, dropped when closed unless it was {@linkplain #keep() kept}.
 */
public final class DisposableDatabase implements AutoCloseable {

    /** The application name of connections a test opens, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = ApplicationNames.TEST;

    private final DatabaseFactory factory;
    private final String name;
    private volatile boolean kept;
    private volatile boolean closed;

    DisposableDatabase(DatabaseFactory factory, String name) {
        this.factory = factory;
        this.name = name;
    }

    /** The database name, e.g. {@code mt_t_1a2b3c_7}. */
    public String name() {
        return name;
    }

    /** The server it lives on. */
    public PostgresServer server() {
        return factory.server();
    }

    /** The factory that created it. */
    public DatabaseFactory factory() {
        return factory;
    }

    /** Its JDBC URL, without credentials. */
    public String jdbcUrl() {
        return server().address().jdbcUrl(name);
    }

    /** A data source for it; connections name themselves {@value #APPLICATION_NAME}. */
    public DataSource dataSource() {
        return dataSource(APPLICATION_NAME);
    }

    /** A data source for it whose connections carry the given application name. */
    public DataSource dataSource(String applicationName) {
        return server().address().dataSource(name, applicationName);
    }

    /** Opens a connection to it. */
    public Connection connect() throws SQLException {
        return server().address().connect(name, APPLICATION_NAME);
    }

    /**
     * Keeps the database (and its server) after the run, for inspection.
     *
     * @return how to connect to it, without the password
     */
    public String keep() {
        kept = true;
        factory.keep(name);
        return "Kept database " + name + " on " + server().describe() + ".\n" + server().keepRunning()
                .replace("<database>", name);
    }

    /** Whether {@link #keep()} was called. */
    public boolean isKept() {
        return kept;
    }

    /**
     * Drops the database, unless kept: in the background, so the caller does not wait for it
     * ({@link DatabaseFactory#settle()} waits). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed && !kept) {
            closed = true;
            factory.dropLater(name);
        }
    }

    @Override
    public String toString() {
        return name + " on " + server().describe();
    }
}
