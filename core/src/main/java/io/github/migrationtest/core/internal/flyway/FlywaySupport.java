package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;

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
