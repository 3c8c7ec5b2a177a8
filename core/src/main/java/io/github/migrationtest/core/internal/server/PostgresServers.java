package io.github.migrationtest.core.internal.server;

import io.github.migrationtest.core.internal.PostgresVersions;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.EngineWarmUp;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.internal.server.docker.DockerServers;
import io.github.migrationtest.core.internal.server.embedded.EmbeddedServers;
import io.github.migrationtest.core.internal.server.external.ExternalServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The servers of this JVM: one per provider and major version (one per URL for external servers),
 * started on first request and stopped by {@link #stopAll()} or, at the latest, when the JVM exits.
 */
public final class PostgresServers {

    private static final Map<String, PostgresServer> SERVERS = new LinkedHashMap<>();
    private static final Map<String, RuntimeException> EARLY_FAILURES = new HashMap<>();
    private static final List<Consumer<PostgresServer>> BEFORE_STOP = new CopyOnWriteArrayList<>();
    private static boolean shutdownHookInstalled;
    private static int openSessions;

    private PostgresServers() {
    }

    /**
     * The server for a provider and major version, started if this JVM has none yet.
     *
     * @param provider where the server should come from; {@link ServerProvider#AUTO} picks one
     * @param major the major version; empty means the server's own for an external server and the
     *     {@link Setting#POSTGRES default} otherwise
     * @param configuration provider settings (image, binaries, URL and credentials)
     * @throws MigrationTestConfigurationException if the provider cannot supply that server, with what to do
     */
    public static synchronized PostgresServer acquire(ServerProvider provider, OptionalInt major,
            Configuration configuration) {
        return acquireResolved(resolve(provider, major, configuration), major, configuration);
    }

    /**
     * The server for a provider that {@link #resolve} already resolved and checked, started if this JVM has none
     * yet. Skips the check, which costs a class-path scan or a {@code postgres --version} run: an entry point
     * resolves once per class and version, and every database after that only looks its server up.
     *
     * @param resolved a provider {@link #resolve} returned (not {@link ServerProvider#AUTO})
     * @param major the major version, as for {@link #acquire}
     * @param configuration provider settings
     */
    public static synchronized PostgresServer acquireResolved(ServerProvider resolved, OptionalInt major,
            Configuration configuration) {
        if (resolved == ServerProvider.AUTO) {
            throw new IllegalArgumentException("AUTO is resolved by resolve(...) first");
        }
        String key = key(resolved, major, configuration);
        RuntimeException early = EARLY_FAILURES.remove(key);
        if (early != null) {
            // The start begun by startEarly failed: the same start again would fail the same way, as slowly.
            throw early;
        }
        PostgresServer server = SERVERS.get(key);
        if (server == null) {
            EngineWarmUp.start();
            server = start(resolved, major, configuration);
            SERVERS.put(key, server);
            installShutdownHook();
        }
        server.requireRunning();
        return server;
    }

    /**
     * Starts the server that {@link #acquire} would return, on a thread of its own, and returns at once:
     * what the caller does next (loading the migration engine and checking the chain, a third of a second
     * and more in a fresh JVM) then overlaps the server's start instead of preceding it. A failure is kept
     * for the first {@code acquire} of that server to throw; one in resolving the provider is dropped, as
     * the caller's own {@link #resolve} reports it. External servers run already: nothing to start.
     */
    public static void startEarly(ServerProvider provider, OptionalInt major, Configuration configuration) {
        if (provider == ServerProvider.EXTERNAL) {
            return;
        }
        Thread thread = new Thread(() -> {
            ServerProvider resolved;
            try {
                resolved = resolve(provider, major, configuration);
            } catch (RuntimeException e) {
                return;
            }
            startIfAbsent(resolved, major, configuration);
        }, "migrationtest-server-start");
        // Binaries on the class path are found through the context class loader.
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.setDaemon(true);
        thread.start();
    }

    private static synchronized void startIfAbsent(ServerProvider resolved, OptionalInt major,
            Configuration configuration) {
        String key = key(resolved, major, configuration);
        if (SERVERS.containsKey(key) || resolved == ServerProvider.EXTERNAL) {
            return;
        }
        try {
            EngineWarmUp.start();
            SERVERS.put(key, start(resolved, major, configuration));
            installShutdownHook();
        } catch (RuntimeException e) {
            EARLY_FAILURES.put(key, e);
        }
    }

    private static String key(ServerProvider resolved, OptionalInt major, Configuration configuration) {
        return resolved == ServerProvider.EXTERNAL
                ? "external:" + configuration.get(Setting.EXTERNAL_URL) + ":" + configuration.get(Setting.EXTERNAL_USER)
                        + ":" + configuration.get(Setting.EXTERNAL_PASSWORD).hashCode() + ":"
                        + configuration.get(Setting.EXTERNAL_PASSWORD_FILE) + ":" + major
                : resolved.settingValue() + ":" + major.orElse(defaultMajor(configuration));
    }

    /**
     * Which provider {@code provider} stands for on this machine, checked without starting anything:
     * resolves {@link ServerProvider#AUTO}, and for an explicit provider verifies that it can work
     * here (Testcontainers present and a Docker API answering; binaries found; an external URL given).
     *
     * @throws MigrationTestConfigurationException saying what is missing and how to provide it
     */
    public static ServerProvider resolve(ServerProvider provider, OptionalInt major, Configuration configuration) {
        int wanted = major.orElse(defaultMajor(configuration));
        switch (provider) {
            case DOCKER -> DockerServers.requireDocker();
            case EMBEDDED -> EmbeddedServers.requireBinaries(wanted, configuration);
            case EXTERNAL -> ExternalServers.requireUrl(configuration);
            case AUTO -> {
                if (DockerServers.dockerAnswers()) {
                    return ServerProvider.DOCKER;
                }
                if (EmbeddedServers.binariesAvailable(wanted, configuration)) {
                    EmbeddedServers.requireUsable(configuration);
                    return ServerProvider.EMBEDDED;
                }
                throw noServer(wanted);
            }
        }
        return provider;
    }

    private static MigrationTestConfigurationException noServer(int wanted) {
        return new MigrationTestConfigurationException("No PostgreSQL " + wanted + " server can be provided on this"
                + " machine (" + Setting.PROVIDER.key() + "=auto found no Docker API and no embedded binaries)."
                + " Choose one of:\n"
                + "  - docker: start Docker (or another Docker-compatible engine, with DOCKER_HOST set) and add the"
                + " test dependency " + DockerServers.COORDINATES + ";\n"
                + "  - embedded: add the test dependency " + EmbeddedServers.coordinatesFor(wanted)
                + ", or install PostgreSQL " + wanted + " locally, or point " + Setting.EMBEDDED_BINARIES.key()
                + " at a directory with bin/postgres;\n"
                + "  - external: set " + Setting.PROVIDER.key() + "=external and " + Setting.EXTERNAL_URL.key()
                + "=jdbc:postgresql://host:5432/postgres (a user with CREATEDB).");
    }

    /**
     * Registers work to do on each server just before it stops, such as dropping the databases this
     * JVM created on it (which matters on external servers, which do not stop).
     */
    public static void beforeStop(Consumer<PostgresServer> action) {
        BEFORE_STOP.add(action);
    }

    /**
     * Opens a session: the servers stay up until every open session is closed, and are stopped when
     * the last one closes. A test framework opens one per run so that servers stop when the run ends,
     * even where runs nest (a test that launches tests); the JVM's exit stops them in any case.
     */
    public static synchronized Session openSession() {
        openSessions++;
        return new Session();
    }

    /** A claim on this JVM's servers; see {@link #openSession()}. */
    public static final class Session implements AutoCloseable {
        private boolean closed;

        private Session() {
        }

        /** Releases the claim, stopping the servers if it was the last one. */
        @Override
        public void close() {
            boolean last;
            synchronized (PostgresServers.class) {
                if (closed) {
                    return;
                }
                closed = true;
                openSessions--;
                last = openSessions == 0;
            }
            if (last) {
                stopAll();
            }
        }
    }

    /** Stops every server of this JVM that was not asked to keep running. */
    public static void stopAll() {
        List<PostgresServer> toStop;
        synchronized (PostgresServers.class) {
            toStop = new ArrayList<>(SERVERS.values());
            SERVERS.clear();
        }
        RuntimeException first = null;
        for (PostgresServer server : toStop) {
            try {
                BEFORE_STOP.forEach(action -> action.accept(server));
                server.stop();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The default major version when none is configured. */
    public static int defaultMajor(Configuration configuration) {
        return PostgresVersions.parseMajors(configuration.get(Setting.POSTGRES)).get(0);
    }

    private static PostgresServer start(ServerProvider provider, OptionalInt major, Configuration configuration) {
        return switch (provider) {
            case DOCKER -> DockerServers.start(major.orElse(defaultMajor(configuration)), configuration);
            case EMBEDDED -> EmbeddedServers.start(major.orElse(defaultMajor(configuration)), configuration);
            case EXTERNAL -> ExternalServers.connect(major, configuration);
            case AUTO -> throw new IllegalStateException("AUTO is resolved before starting");
        };
    }

    private static void installShutdownHook() {
        if (!shutdownHookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServers::stopAll, "migrationtest-stop-servers"));
            shutdownHookInstalled = true;
        }
    }
}
