package io.github.migrationtest.core.internal.server.docker;

import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker API answers; loaded only when Testcontainers is present. */
final class TestcontainersProbe {

    private TestcontainersProbe() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
