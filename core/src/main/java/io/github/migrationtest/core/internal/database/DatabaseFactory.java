package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final int CLONE_THREADS = 2;
    private static final long SESSION_EXIT_POLL_MILLIS = 5;
    private static final long SESSION_EXIT_LIMIT_MILLIS = 2_000;

    static {
        PostgresServers.beforeStop(DatabaseFactory::closeFor);
    }

    private final PostgresServer server;
    /**
     * How long a run waits between two looks before it takes another run's databases for orphans:
     * longer than a live run needs to notice a lost lease and take it again.
     */
    static final Duration ORPHAN_GRACE = Lease.CHECK_INTERVAL.multipliedBy(4);

    private final int runId;
    private final Lease lease;
    private final Connection admin;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> live = Collections.synchronizedSet(new LinkedHashSet<>());
    private final TemplateCache templates;
    // Clones made ahead and those made in the foreground each hold a connection while PostgreSQL copies.
    private final ClonePool pool = new ClonePool(CLONE_THREADS);
    private final AdminConnections cloners;
    // Drops have a connection of their own, so that one waiting for a closing session delays no clone.
    private final Connection dropper;
    private final Object dropLock = new Object();

    private DatabaseFactory(PostgresServer server) {
        this.server = server;
        try {
            this.admin = server.address().connect(server.address().maintenanceDatabase(), "migrationtest-admin");
            this.lease = Lease.take(server);
            this.runId = lease.runId();
            this.dropper = server.address().connect(server.address().maintenanceDatabase(), "migrationtest-dropper");
        } catch (SQLException e) {
            throw new MigrationTestException("Could not open the administrative connection to " + server.describe()
                    + ": " + e.getMessage(), e);
        }
        // The background clones, and one clone in the foreground per test thread: with tests running concurrently
        // (JUnit's parallel execution, as many threads as cores), a test making its own clone must not wait for a
        // connection a clone made ahead holds. Connections are opened only when needed: one test thread opens three.
        this.cloners = new AdminConnections(server, "migrationtest-cloner",
                CLONE_THREADS + Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.templates = new TemplateCache(this);
    }

    /** The factory for a server, created (and orphans of killed runs dropped, in the background) on first use. */
    public static DatabaseFactory on(PostgresServer server) {
        synchronized (FACTORIES) {
            DatabaseFactory factory = FACTORIES.get(server);
            if (factory == null) {
                factory = new DatabaseFactory(server);
                FACTORIES.put(server, factory);
                DatabaseFactory started = factory;
                // Judging a run dead takes two looks ORPHAN_GRACE apart; the tests need not wait for that.
                Thread sweep = new Thread(() -> {
                    try {
                        int dropped = started.dropOrphans();
                        if (dropped > 0) {
                            LOG.log(Level.INFO, "Dropped {0} database(s) left by killed migrationtest runs on {1}",
                                    dropped, server.describe());
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not drop the databases of killed runs on {0}: {1}",
                                server.describe(), e.getMessage());
                    }
                }, "migrationtest-orphans");
                sweep.setDaemon(true);
                sweep.start();
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
        try {
            cloners.with(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + DatabaseMarker.quote(name) + " TEMPLATE "
                            + DatabaseMarker.quote(template) + cloneStrategy());
                    // Listed before the comment, so that a failing comment still leaves it to be dropped.
                    live.add(name);
                    statement.execute("COMMENT ON DATABASE " + DatabaseMarker.quote(name) + " IS "
                            + literal(DatabaseMarker.comment(runId, purpose)));
                }
                return null;
            });
        } catch (SQLException e) {
            // A dead server is reported once, with its log, to the first test that finds it: not to a clone made ahead.
            if (!ClonePool.makingAhead()) {
                server.requireRunning();
            }
            throw new MigrationTestException("Could not create database " + name + " from " + template + " on "
                    + server.describe() + ": " + e.getMessage(), e);
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
    public void drop(String name) {
        if (!live.remove(name)) {
            return;
        }
        synchronized (dropLock) {
            awaitSessionsGone(name);
            dropMarked(dropper, name);
        }
    }

    /** Drops a database this factory created in the background: the test that closed it need not wait. */
    void dropLater(String name) {
        pool.dropLater(() -> drop(name));
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
     * Drops the databases of runs that are gone: marked databases whose run holds no lease, at two
     * looks {@link #ORPHAN_GRACE} apart (a live run that lost its lease takes it again in between), and
     * that no session uses. Returns how many were dropped.
     */
    public int dropOrphans() {
        Set<String> candidates = unleased();
        if (candidates.isEmpty()) {
            return 0;
        }
        try {
            Thread.sleep(ORPHAN_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        Set<String> orphans = unleased();
        orphans.retainAll(candidates);
        synchronized (this) {
            // Only drops that happened count: a database the server refuses to drop (another owner) is not gone.
            return (int) orphans.stream().filter(name -> dropMarked(admin, name)).count();
        }
    }

    private synchronized Set<String> unleased() {
        Set<String> orphans = new LinkedHashSet<>();
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery("select d.datname, shobj_description(d.oid, 'pg_database'),"
                        + " exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.objsubid = 2"
                        + " and l.classid = " + DatabaseMarker.LEASE_CLASS + " and l.objid::text ="
                        + " split_part(shobj_description(d.oid, 'pg_database'), ' ', 3)),"
                        + " exists (select 1 from pg_stat_activity a where a.datname = d.datname)"
                        + " from pg_database d where d.datname like 'mt\\_%'")) {
            while (rs.next()) {
                OptionalLong run = DatabaseMarker.runOf(rs.getString(1), rs.getString(2));
                if (run.isPresent() && run.getAsLong() != runId && !rs.getBoolean(3) && !rs.getBoolean(4)) {
                    orphans.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new MigrationTestException("Could not list databases on " + server.describe() + ": " + e.getMessage(), e);
        }
        return orphans;
    }

    /** The names of the databases this factory created and has not dropped, for tests and diagnostics. */
    public List<String> liveDatabases() {
        synchronized (live) {
            return List.copyOf(live);
        }
    }

    /**
     * The databases handed out (to tests, checks, the engine's scratch work) and not yet dropped: neither a
     * template nor a clone made ahead. After {@link #settle()}, what is left here was never closed.
     */
    public List<String> handedOut() {
        Set<String> ahead = pool.madeAhead();
        return liveDatabases().stream().filter(name -> !name.startsWith(DatabaseMarker.PREFIX + "tpl_"))
                .filter(name -> !ahead.contains(name)).toList();
    }

    /**
     * Waits, in short steps, for the sessions of a closed database to end: with one still ending,
     * {@code DROP DATABASE} would wait for it in steps of 100 ms.
     */
    private void awaitSessionsGone(String name) {
        long deadline = System.nanoTime() + SESSION_EXIT_LIMIT_MILLIS * 1_000_000;
        try (PreparedStatement statement = dropper.prepareStatement(
                "select count(*) from pg_stat_activity where datname = ?")) {
            statement.setString(1, name);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(SESSION_EXIT_POLL_MILLIS);
            }
        } catch (SQLException e) {
            // The drop itself reports what is wrong with the connection.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean dropMarked(Connection connection, String name) {
        try (Statement statement = connection.createStatement()) {
            if (server.majorVersion() >= 13) {
                statement.execute("DROP DATABASE IF EXISTS " + DatabaseMarker.quote(name) + " WITH (FORCE)");
            } else {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = "
                        + literal(name));
                statement.execute("DROP DATABASE IF EXISTS " + DatabaseMarker.quote(name));
            }
            return true;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not drop database {0} on {1}: {2}", name, server.describe(), e.getMessage());
            return false;
        }
    }

    private void close() {
        pool.close();
        List<String> names;
        synchronized (live) {
            names = new ArrayList<>(live);
        }
        names.forEach(this::drop);
        cloners.close();
        closeQuietly(dropper);
        closeQuietly(admin);
        lease.close();
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
