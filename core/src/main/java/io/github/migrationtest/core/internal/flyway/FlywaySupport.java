package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.Optional;

/** Checks that Flyway is on the class path before anything loads a Flyway class. */
public final class FlywaySupport {

    /** Coordinates of Flyway's core. */
    public static final String CORE = "org.flywaydb:flyway-core";
    /** Coordinates of Flyway's PostgreSQL support (a separate artifact since Flyway 10). */
    public static final String POSTGRESQL = "org.flywaydb:flyway-database-postgresql";

    private FlywaySupport() {
    }

    /**
     * Throws unless Flyway and its PostgreSQL module are present.
     *
     * @throws MigrationTestConfigurationException naming the Maven coordinates to add
     */
    public static void require() {
        if (!present("org.flywaydb.core.Flyway")) {
            throw new MigrationTestConfigurationException("The chain is a Flyway chain, but Flyway is not on the test"
                    + " class path. Add the dependencies " + CORE + " and " + POSTGRESQL
                    + " (Flyway 10 to 13), e.g. <dependency><groupId>org.flywaydb</groupId>"
                    + "<artifactId>flyway-database-postgresql</artifactId><version>11.20.3</version></dependency>.");
        }
        if (!present("org.flywaydb.database.postgresql.PostgreSQLDatabaseType")) {
            throw new MigrationTestConfigurationException("Flyway is on the class path, but its PostgreSQL support is"
                    + " not (since Flyway 10 it is a separate artifact). Add the dependency " + POSTGRESQL
                    + " in the same version as flyway-core.");
        }
        requireJacksonAnnotationsOfDatabind();
    }

    /**
     * Flyway 10+ reads its configuration with jackson-databind, which fails deep inside (NoClassDefFoundError:
     * JsonKey) on older jackson-annotations; Testcontainers 1.x puts 2.10.3 nearer than Flyway's own.
     */
    private static void requireJacksonAnnotationsOfDatabind() {
        Optional<String> databind = implementationVersion("com.fasterxml.jackson.databind.ObjectMapper");
        Optional<String> annotations = implementationVersion("com.fasterxml.jackson.annotation.JsonProperty");
        int needed = databind.map(FlywaySupport::minor).orElse(0);
        int found = annotations.map(FlywaySupport::minor).orElse(0);
        if (needed == 0 || found == 0 || found >= needed) {
            return;
        }
        throw new MigrationTestConfigurationException("Flyway reads its configuration with jackson-databind "
                + databind.get() + ", which needs com.fasterxml.jackson.core:jackson-annotations of the same minor version"
                + " or later, but the test class path has " + annotations.get() + " (Testcontainers 1.x brings that one"
                + " through docker-java-api, and Maven picks the nearer declaration). Add the test dependency"
                + " com.fasterxml.jackson.core:jackson-annotations:" + databind.get() + ", or import"
                + " com.fasterxml.jackson:jackson-bom:" + databind.get() + " in <dependencyManagement>.");
    }

    private static Optional<String> implementationVersion(String className) {
        try {
            Package pkg = Class.forName(className, false, FlywaySupport.class.getClassLoader()).getPackage();
            return Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** major * 1000 + minor of "2.19.1" or "2.20"; 0 (no check) for what does not parse. */
    private static int minor(String version) {
        String[] parts = version.split("[.-]");
        try {
            return parts.length < 2 ? 0 : Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, FlywaySupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
