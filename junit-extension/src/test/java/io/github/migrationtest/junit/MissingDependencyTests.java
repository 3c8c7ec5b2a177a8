package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a user sees when a dependency or a Docker engine is missing: run in a JVM that lacks it. */
class MissingDependencyTests {

    @Test
    void flywayMissingFromTheClassPath() throws Exception {
        String failure = ChildJvm.failureOf(ValidTestCases.Accounts.class, entry -> entry.contains("flyway"), Map.of());

        assertThat(failure).isEqualTo("org.junit.jupiter.api.extension.ExtensionConfigurationException: @MigrationTest"
                + " on Accounts is misconfigured: The chain is a Flyway chain, but Flyway is not on the test class path."
                + " Add the dependencies org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql (Flyway 10"
                + " to 13), e.g. <dependency><groupId>org.flywaydb</groupId>"
                + "<artifactId>flyway-database-postgresql</artifactId><version>11.20.3</version></dependency>.");
    }

    @Test
    void flywayPostgresqlSupportMissingFromTheClassPath() throws Exception {
        String failure = ChildJvm.failureOf(ValidTestCases.Accounts.class,
                entry -> entry.contains("flyway-database-postgresql"), Map.of());

        assertThat(failure).isEqualTo("org.junit.jupiter.api.extension.ExtensionConfigurationException: @MigrationTest"
                + " on Accounts is misconfigured: Flyway is on the class path, but its PostgreSQL support is not (since"
                + " Flyway 10 it is a separate artifact). Add the dependency org.flywaydb:flyway-database-postgresql in"
                + " the same version as flyway-core.");
    }

    @Test
    void jacksonAnnotationsOlderThanFlywaysJacksonDatabind() throws Exception {
        // What Maven resolves for Testcontainers 1.x and Flyway 10+ without a Jackson BOM: docker-java-api's 2.10.3.
        String old = Paths.get("target", "old-jackson", "jackson-annotations-2.10.3.jar").toAbsolutePath().toString();
        String failure = ChildJvm.failureWithClassPath(ValidTestCases.Accounts.class,
                entry -> entry.contains("jackson-annotations") ? old : entry);

        assertThat(failure).startsWith("org.junit.jupiter.api.extension.ExtensionConfigurationException: @MigrationTest"
                + " on Accounts is misconfigured: Flyway reads its configuration with jackson-databind ")
                .contains(", which needs com.fasterxml.jackson.core:jackson-annotations of the same minor version or"
                + " later, but the test class path has 2.10.3 (Testcontainers 1.x brings that one through docker-java-api,"
                + " and Maven picks the nearer declaration). Add the test dependency"
                + " com.fasterxml.jackson.core:jackson-annotations:");
    }

    @Test
    void commonsCompressAndXzMissingFromTheClassPath() throws Exception {
        String failure = ChildJvm.failureOf(ValidTestCases.Accounts.class,
                entry -> entry.contains("commons-compress") || entry.contains("/org/tukaani/xz/"), Map.of());

        assertThat(failure).contains("The embedded provider unpacks the PostgreSQL binaries of ")
                .contains(" (a tar.xz archive) with commons-compress and xz, optional dependencies of migrationtest-core"
                + " that are not on the test class path. Add the test dependencies"
                + " org.apache.commons:commons-compress:1.28.0 and org.tukaani:xz:1.10 (the migrationtest BOM manages"
                + " their versions), point migrationtest.embedded.binaries at unpacked binaries or a local install, or"
                + " use the docker provider.");
    }

    @Test
    void testcontainersMissingFromTheClassPath() throws Exception {
        String failure = ChildJvm.failureOf(MisconfiguredTestCases.DockerWanted.class,
                entry -> entry.contains("testcontainers"), Map.of());

        assertThat(failure).isEqualTo("org.junit.jupiter.api.extension.ExtensionConfigurationException: @MigrationTest"
                + " on DockerWanted is misconfigured: The docker provider needs Testcontainers, which is not on the test"
                + " class path. Add the test dependency org.testcontainers:testcontainers:2.0.5 (or 1.21.x, e.g."
                + " org.testcontainers:postgresql:1.21.3 as Spring Boot 3.5 manages it), or use"
                + " another provider (migrationtest.provider=embedded or external).");
    }

    @Test
    void noDockerApiAnswering() throws Exception {
        String failure = ChildJvm.failureOf(MisconfiguredTestCases.DockerWanted.class, entry -> false,
                Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));

        assertThat(failure).isEqualTo("org.junit.jupiter.api.extension.ExtensionConfigurationException: @MigrationTest"
                + " on DockerWanted is misconfigured: The docker provider needs a Docker API, and none answers on this"
                + " machine (no DOCKER_HOST, no Docker socket, or Testcontainers could not reach it). Start Docker or a"
                + " Docker-compatible engine (e.g. Podman's API service, with DOCKER_HOST set), or use"
                + " migrationtest.provider=embedded.");
    }
}
