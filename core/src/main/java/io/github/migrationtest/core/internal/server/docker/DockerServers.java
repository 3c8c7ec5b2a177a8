package io.github.migrationtest.core.internal.server.docker;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Entry point of the docker provider for the server registry. */
public final class DockerServers {

    /**
     * The Maven coordinates that bring Testcontainers (1.x and 2.x work; only its core is used, which
     * {@code org.testcontainers:postgresql} 1.x and {@code testcontainers-postgresql} 2.x bring too).
     */
    public static final String COORDINATES = "org.testcontainers:testcontainers:2.0.5";

    private static final String PROBE_CLASS = "org.testcontainers.containers.GenericContainer";
    private static Boolean answers;

    private DockerServers() {
    }

    /** Whether Testcontainers is on the class path. */
    public static boolean testcontainersPresent() {
        try {
            Class.forName(PROBE_CLASS, false, DockerServers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether Testcontainers is present and a Docker API answers; asked once per JVM. Machines
     * without any sign of a Docker engine are not probed, which spares them Testcontainers' error log.
     */
    public static synchronized boolean dockerAnswers() {
        if (answers == null) {
            answers = testcontainersPresent() && dockerConfigured() && TestcontainersProbe.dockerAvailable();
        }
        return answers;
    }

    /**
     * Throws unless the docker provider can work here.
     *
     * @throws MigrationTestConfigurationException naming the dependency to add or the engine to start
     */
    public static void requireDocker() {
        if (!testcontainersPresent()) {
            throw new MigrationTestConfigurationException("The docker provider needs Testcontainers, which is not on the"
                    + " test class path. Add the test dependency " + COORDINATES
                    + " (or 1.21.x, e.g. org.testcontainers:postgresql:1.21.3 as Spring Boot 3.5 manages it), or use another provider (migrationtest.provider=embedded or external).");
        }
        if (!dockerAnswers()) {
            throw new MigrationTestConfigurationException("The docker provider needs a Docker API, and none answers on"
                    + " this machine (no DOCKER_HOST, no Docker socket, or Testcontainers could not reach it). Start"
                    + " Docker or a Docker-compatible engine (e.g. Podman's API service, with DOCKER_HOST set), or use"
                    + " migrationtest.provider=embedded.");
        }
    }

    /** Starts a container of the given major version. */
    public static PostgresServer start(int major, Configuration configuration) {
        requireDocker();
        return DockerPostgresServer.start(major, configuration);
    }

    private static boolean dockerConfigured() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        List<Path> signs = List.of(
                Paths.get("/var/run/docker.sock"),
                Paths.get(home, ".testcontainers.properties"),
                Paths.get(home, ".docker", "run", "docker.sock"),
                Paths.get(home, ".docker", "desktop", "docker.sock"),
                Paths.get(home, ".colima", "default", "docker.sock"),
                Paths.get(home, ".rd", "docker.sock"),
                Paths.get("/run/user/" + System.getProperty("user.name"), "docker.sock"));
        return signs.stream().anyMatch(Files::exists) || System.getenv("XDG_RUNTIME_DIR") != null
                && Files.exists(Paths.get(System.getenv("XDG_RUNTIME_DIR"), "docker.sock"));
    }
}
