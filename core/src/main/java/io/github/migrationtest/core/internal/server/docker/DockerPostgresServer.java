package io.github.migrationtest.core.internal.server.docker;

import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.internal.Passwords;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerAddress;
import io.github.migrationtest.core.server.ServerProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container started through Testcontainers, with durability switched off. Built on
 * {@code GenericContainer}, which Testcontainers 1.x and 2.x share: their PostgreSQL modules differ in
 * artifact and package ({@code org.testcontainers:postgresql} with {@code org.testcontainers.containers}
 * in 1.x, {@code testcontainers-postgresql} with {@code org.testcontainers.postgresql} in 2.x).
 */
final class DockerPostgresServer implements PostgresServer {

    private final GenericContainer<?> container;
    private final ServerAddress address;
    private final int major;
    private final String version;
    private volatile boolean keep;

    private DockerPostgresServer(GenericContainer<?> container, ServerAddress address, int major, String version) {
        this.container = container;
        this.address = address;
        this.major = major;
        this.version = version;
    }

    static DockerPostgresServer start(int major, Configuration configuration) {
        String image = configuration.get(Setting.DOCKER_IMAGE).replace("{major}", Integer.toString(major));
        String password = Passwords.random();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(5432)
                .withEnv("POSTGRES_USER", "postgres")
                .withEnv("POSTGRES_PASSWORD", password)
                .withEnv("POSTGRES_DB", "postgres")
                // Creating databases copies hundreds of files; a RAM-backed data directory makes that ~10x faster.
                .withEnv("PGDATA", "/var/lib/postgresql/ram/data")
                .withTmpFs(Map.of("/var/lib/postgresql/ram", "rw"))
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=300")
                // The image's entrypoint starts the server twice (init, then for real): ready is the second line.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(java.time.Duration.ofMinutes(2)));
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new MigrationTestException("Could not start a PostgreSQL container from image " + image + ": "
                    + e.getMessage() + ". Check that the Docker engine answers (docker info) and that the image exists"
                    + " (docker pull " + image + "), or set " + Setting.DOCKER_IMAGE.key()
                    + " to another image, e.g. postgres:{major}-alpine.", e);
        }
        ServerAddress address = new ServerAddress(container.getHost(), container.getMappedPort(5432), "postgres",
                password, "postgres", Durations.of(configuration, Setting.CONNECT_TIMEOUT));
        try (Connection connection = address.connect("postgres", "migrationtest-startup")) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            int actualMajor = connection.getMetaData().getDatabaseMajorVersion();
            if (actualMajor != major) {
                container.stop();
                throw new MigrationTestException("Image " + image + " runs PostgreSQL " + version + ", but the test asks"
                        + " for PostgreSQL " + major + ". Set " + Setting.DOCKER_IMAGE.key()
                        + " to an image of that major version, e.g. postgres:{major}.");
            }
            return new DockerPostgresServer(container, address, major, version);
        } catch (SQLException e) {
            container.stop();
            throw new MigrationTestException("The PostgreSQL container from " + image + " started but refused a"
                    + " connection: " + e.getMessage(), e);
        }
    }

    @Override
    public ServerProvider provider() {
        return ServerProvider.DOCKER;
    }

    @Override
    public int majorVersion() {
        return major;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ServerAddress address() {
        return address;
    }

    @Override
    public String describe() {
        return "docker PostgreSQL " + version + " (" + container.getDockerImageName() + ", container "
                + container.getContainerId().substring(0, 12) + ") at " + address.host() + ":" + address.port();
    }

    @Override
    public String keepRunning() {
        keep = true;
        return "The container " + container.getContainerId().substring(0, 12) + " is not stopped by this JVM (with"
                + " Testcontainers' Ryuk enabled it still goes when the JVM exits; set TESTCONTAINERS_RYUK_DISABLED=true"
                + " to keep it). The password is in its environment: docker exec -it "
                + container.getContainerId().substring(0, 12) + " psql -U postgres <database>";
    }

    @Override
    public void stop() {
        if (!keep) {
            container.stop();
        }
    }

}
