package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.server.PostgresServer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A run's claim on its databases: an advisory lock keyed by the run id, held by a session of its own.
 *
 * <p>A session can end without the run noticing (an administrator's {@code pg_terminate_backend}, a
 * network blip, a pooler restart), and with it the lock. So the lease checks itself every
 * {@link #CHECK_INTERVAL} and takes the lock again on a new session when it is gone; a run that judges
 * another run dead waits longer than that between two looks ({@link DatabaseFactory#ORPHAN_GRACE}).
 */
final class Lease implements AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = System.getLogger(Lease.class.getName());
    private static final String APPLICATION_NAME = "migrationtest-lease";

    private final PostgresServer server;
    private final int runId;
    private final ScheduledExecutorService checker;
    private volatile Connection connection;
    private volatile boolean closed;

    private Lease(PostgresServer server, Connection connection, int runId) {
        this.server = server;
        this.connection = connection;
        this.runId = runId;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "migrationtest-lease-" + Integer.toHexString(runId));
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Takes a lease under a new random run id. */
    static Lease take(PostgresServer server) throws SQLException {
        Connection connection = connect(server);
        SecureRandom random = new SecureRandom();
        while (true) {
            int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            if (tryLock(connection, candidate)) {
                return new Lease(server, connection, candidate);
            }
        }
    }

    /** The run id the lease is keyed by. */
    int runId() {
        return runId;
    }

    private void check() {
        if (closed) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from pg_locks where"
                + " locktype = 'advisory' and classid = ? and objid = ? and objsubid = 2 and pid = pg_backend_pid()")) {
            statement.setInt(1, DatabaseMarker.LEASE_CLASS);
            statement.setInt(2, runId);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) {
                    return;
                }
            }
            retake("its session no longer holds the lock");
        } catch (SQLException e) {
            retake(e.getMessage());
        }
    }

    private void retake(String reason) {
        if (closed) {
            return;
        }
        Connection old = connection;
        try {
            Connection fresh = connect(server);
            if (!tryLock(fresh, runId)) {
                fresh.close();
                LOG.log(Level.ERROR, "Run {0} lost its lease on {1} ({2}), and another session holds it now; another"
                        + " run may take this run''s databases for orphans.", Integer.toString(runId), server.describe(), reason);
                return;
            }
            connection = fresh;
            LOG.log(Level.WARNING, "Run {0} lost its lease on {1} ({2}) and took it again.", Integer.toString(runId),
                    server.describe(), reason);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Run {0} lost its lease on {1} ({2}) and could not take it again yet: {3}",
                    Integer.toString(runId), server.describe(), reason, e.getMessage());
            return;
        }
        try {
            old.close();
        } catch (SQLException e) {
            // The old session is gone already.
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return server.address().connect(server.address().maintenanceDatabase(), APPLICATION_NAME);
    }

    private static boolean tryLock(Connection connection, int runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, DatabaseMarker.LEASE_CLASS);
            statement.setInt(2, runId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        checker.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            // The server may already be going away; nothing left to release.
        }
    }
}
