package io.github.migrationtest.core.server;

import io.github.migrationtest.core.internal.server.PostgresServers;


/**
 * A running PostgreSQL server that tests create their databases on.
 *
 * <p>Servers are shared by all tests of a JVM; get one from {@link PostgresServers}. Only the
 * registry stops them.
 */
public interface PostgresServer {

    /** Where the server came from (never {@link ServerProvider#AUTO}). */
    ServerProvider provider();

    /** The major version, e.g. {@code 17}. */
    int majorVersion();

    /** The full version the server reports, e.g. {@code 17.6}. */
    String version();

    /** How to connect. */
    ServerAddress address();

    /** The server in a few words: provider, version and where it listens. */
    default String describe() {
        return provider().settingValue() + " PostgreSQL " + version() + " at " + address().host() + ":"
                + address().port();
    }

    /**
     * Asks the server to stay up after the run so that kept databases can be inspected.
     *
     * @return how to stop it by hand, if that is needed
     */
    String keepRunning();

    /**
     * Throws if the server is known to have died while the tests ran (killed, crashed), so that tests
     * fail fast with that instead of one connection error each. The first call after the death says
     * what happened, with the tail of the server's log where there is one; later calls say it briefly.
     *
     * @throws io.github.migrationtest.core.model.MigrationTestException if the server is gone
     */
    default void requireRunning() {
        // Servers that cannot tell (an external server) are assumed to run.
    }

    /** Stops the server and frees what it holds, unless it was asked to keep running. */
    void stop();
}
