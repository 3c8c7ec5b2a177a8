package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates, clones and drops this JVM's databases on one server.
 *
 * <p>Every database it creates carries the marker (name prefix {@code mt_} and a comment naming this
 * run). While the JVM lives it holds an advisory lock keyed by its run id; databases whose run holds
 * no such lock belong to a run that was killed, and are dropped when the next run starts. Nothing
 * without the marker is ever dropped or changed.
 */
public final class DatabaseFactory {

    private static final Logger LOG = System.getLogger(DatabaseFactory.class.getName());
    private static final Map<PostgresServer, DatabaseFactory> FACTORIES = new IdentityHashMap<>();

    static {
        PostgresServers.beforeStop(DatabaseFactory::closeFor);
    }

    private final PostgresServer server;
    private final int runId;
    private final Connection lease;
    private final Connection admin;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> live = new LinkedHashSet<>();
    private final TemplateCache templates;
    private final ClonePool pool = new ClonePool();

    private DatabaseFactory(PostgresServer server) {
        this.server = server;
        try {
            this.admin = server.address().connect(server.address().maintenanceDatabase(), "migrationtest-admin");
            this.lease = server.address().connect(server.address().maintenanceDatabase(), "migrationtest-lease");
            this.runId = takeLease(lease);
        } catch (SQLException e) {
            throw new MigrationTestException("Could not open the administrative connection to " + server.describe()
                    + ": " + e.getMessage(), e);
        }
        this.templates = new TemplateCache(this);
    }

    /** The factory for a server, created (and orphans of killed runs dropped) on first use. */
    public static DatabaseFactory on(PostgresServer server) {
        synchronized (FACTORIES) {
            DatabaseFactory factory = FACTORIES.get(server);
            if (factory == null) {
                factory = new DatabaseFactory(server);
                int dropped = factory.dropOrphans();
                if (dropped > 0) {
                    LOG.log(Level.INFO, "Dropped {0} database(s) left by killed migrationtest runs on {1}", dropped,
                            server.describe());
                }
                FACTORIES.put(server, factory);
            }
            return factory;
        }
    }

    /** The server the databases live on. */
    public PostgresServer server() {
        return server;
    }

    /** The template cache of this server. */
    public TemplateCache templates() {
        return templates;
    }

    /** A new empty database (a copy of {@code template0}), made ahead where possible. */
    public DisposableDatabase createEmpty() {
        return pool.take("template0", () -> create("t", "template0", "empty test database"));
    }

    /**
     * A new database before the chain's first migration: empty, and prepared as the chain's
     * {@link Preparation} says (a clone of the prepared template).
     */
    public DisposableDatabase createEmpty(MigrationChain chain) {
        String template = templates.emptyTemplate(chain);
        return template.equals("template0") ? createEmpty() : cloneOf(template);
    }

    /** A new database cloned from one of this factory's templates, made ahead where possible. */
    public DisposableDatabase cloneOf(String template) {
        return pool.take(template, () -> create("t", template, "clone of " + template));
    }

    /** Waits until the databases closed so far are dropped (they are dropped in the background). */
    public void settle() {
        pool.settle();
    }

    DisposableDatabase createTemplate(String base, String purpose) {
        return create("tpl", base, purpose);
    }

    private DisposableDatabase create(String kind, String template, String purpose) {
        String name = DatabaseMarker.name(kind, runId, sequence.incrementAndGet());
        synchronized (this) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + DatabaseMarker.quote(name) + " TEMPLATE "
                        + DatabaseMarker.quote(template) + cloneStrategy());
                statement.execute("COMMENT ON DATABASE " + DatabaseMarker.quote(name) + " IS "
                        + literal(DatabaseMarker.comment(runId, purpose)));
                live.add(name);
            } catch (SQLException e) {
                throw new MigrationTestException("Could not create database " + name + " from " + template + " on "
                        + server.describe() + ": " + e.getMessage(), e);
            }
        }
        return new DisposableDatabase(this, name);
    }

    private String cloneStrategy() {
        // Since 15 the default, WAL_LOG, writes every block of the template to the WAL; copying the
        // files is faster for the small databases of tests (see benchmarks/ProvisioningBenchmark).
        return server.majorVersion() >= 15 ? " STRATEGY FILE_COPY" : "";
    }

    /** Marks a database as kept: no run drops it; its comment says so. */
    synchronized void keep(String name) {
        try (Statement statement = admin.createStatement()) {
            statement.execute("COMMENT ON DATABASE " + DatabaseMarker.quote(name) + " IS "
                    + literal(DatabaseMarker.keptComment(runId)));
            live.remove(name);
        } catch (SQLException e) {
            throw new MigrationTestException("Could not mark database " + name + " as kept: " + e.getMessage(), e);
        }
    }

    /** Drops a database this factory created, now; a no-op for any other. */
    public synchronized void drop(String name) {
        if (!live.remove(name)) {
            return;
        }
        dropMarked(name);
    }

    /** Drops a database this factory created in the background: the test that closed it need not wait. */
    void dropLater(String name) {
        pool.later(() -> drop(name));
    }

    /** Ends other sessions on one of this factory's databases (a template must have none to be cloned). */
    synchronized void disconnectAll(String name) {
        if (!live.contains(name)) {
            return;
        }
        try (PreparedStatement statement = admin.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            statement.execute();
        } catch (SQLException e) {
            throw new MigrationTestException("Could not disconnect sessions from " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the databases of runs that are gone: marked databases whose run holds no lease. Returns
     * how many were dropped.
     */
    public synchronized int dropOrphans() {
        List<String> orphans = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery("select d.datname, shobj_description(d.oid, 'pg_database'),"
                        + " exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.objsubid = 2"
                        + " and l.classid = " + DatabaseMarker.LEASE_CLASS + " and l.objid::text ="
                        + " split_part(shobj_description(d.oid, 'pg_database'), ' ', 3))"
                        + " from pg_database d where d.datname like 'mt\\_%'")) {
            while (rs.next()) {
                OptionalLong run = DatabaseMarker.runOf(rs.getString(1), rs.getString(2));
                if (run.isPresent() && run.getAsLong() != runId && !rs.getBoolean(3)) {
                    orphans.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new MigrationTestException("Could not list databases on " + server.describe() + ": " + e.getMessage(), e);
        }
        orphans.forEach(this::dropMarked);
        return orphans.size();
    }

    /** The names of the databases this factory created and has not dropped, for tests and diagnostics. */
    public synchronized List<String> liveDatabases() {
        return List.copyOf(live);
    }

    private void dropMarked(String name) {
        try (Statement statement = admin.createStatement()) {
            if (server.majorVersion() >= 13) {
                statement.execute("DROP DATABASE IF EXISTS " + DatabaseMarker.quote(name) + " WITH (FORCE)");
            } else {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = "
                        + literal(name));
                statement.execute("DROP DATABASE IF EXISTS " + DatabaseMarker.quote(name));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not drop database {0} on {1}: {2}", name, server.describe(), e.getMessage());
        }
    }

    private static int takeLease(Connection lease) throws SQLException {
        SecureRandom random = new SecureRandom();
        try (PreparedStatement statement = lease.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            while (true) {
                int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
                statement.setInt(1, DatabaseMarker.LEASE_CLASS);
                statement.setInt(2, candidate);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return candidate;
                    }
                }
            }
        }
    }

    private void close() {
        pool.close();
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(live);
        }
        names.forEach(this::drop);
        closeQuietly(admin);
        closeQuietly(lease);
    }

    private static void closeFor(PostgresServer server) {
        DatabaseFactory factory;
        synchronized (FACTORIES) {
            factory = FACTORIES.remove(server);
        }
        if (factory != null) {
            factory.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The server may already be going away; nothing left to release.
        }
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
