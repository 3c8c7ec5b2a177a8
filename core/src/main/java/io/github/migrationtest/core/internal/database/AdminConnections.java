package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.server.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Connections to a server's maintenance database for creating databases, opened as needed up to a
 * limit and reused: clones made at the same time each need one, as {@code CREATE DATABASE} holds its
 * connection until the copy is done.
 */
final class AdminConnections implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final PostgresServer server;
    private final String applicationName;
    private final int limit;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private boolean closed;

    AdminConnections(PostgresServer server, String applicationName, int limit) {
        this.server = server;
        this.applicationName = applicationName;
        this.limit = limit;
    }

    /** Runs {@code work} on a connection of its own, waiting for one if all {@code limit} are busy. */
    <T> T with(Work<T> work) throws SQLException {
        Connection connection = acquire();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } finally {
            release(connection, healthy || connection.isValid(1));
        }
    }

    private synchronized Connection acquire() throws SQLException {
        while (idle.isEmpty() && all.size() >= limit && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for an administrative connection", e);
            }
        }
        if (closed) {
            throw new SQLException("The administrative connections to " + server.describe() + " are closed");
        }
        if (!idle.isEmpty()) {
            return idle.pollFirst();
        }
        Connection connection = server.address().connect(server.address().maintenanceDatabase(), applicationName);
        all.add(connection);
        return connection;
    }

    private synchronized void release(Connection connection, boolean reusable) {
        if (reusable && !closed) {
            idle.addFirst(connection);
        } else {
            all.remove(connection);
            closeQuietly(connection);
        }
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(AdminConnections::closeQuietly);
        all.clear();
        idle.clear();
        notifyAll();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The server may already be going away; nothing left to release.
        }
    }
}
