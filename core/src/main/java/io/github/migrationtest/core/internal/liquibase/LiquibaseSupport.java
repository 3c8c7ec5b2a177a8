package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;

/** Checks that Liquibase is on the class path before anything loads a Liquibase class. */
public final class LiquibaseSupport {

    /** Coordinates of Liquibase's core. */
    public static final String CORE = "org.liquibase:liquibase-core";
    /** The Liquibase version this build tests by default. */
    public static final String TESTED_VERSION = "4.33.0";

    private LiquibaseSupport() {
    }

    /**
     * Throws unless Liquibase is present.
     *
     * @throws MigrationTestConfigurationException naming the Maven coordinates to add
     */
    public static void require() {
        // CommandScope arrived with Liquibase 4.0; without it the facade this package uses is missing too.
        if (!present("liquibase.Liquibase") || !present("liquibase.command.CommandScope")) {
            throw new MigrationTestConfigurationException("The chain is a Liquibase chain, but Liquibase (4.20 or later)"
                    + " is not on the test class path. Add the dependency " + CORE + ", e.g. <dependency>"
                    + "<groupId>org.liquibase</groupId><artifactId>liquibase-core</artifactId><version>"
                    + TESTED_VERSION + "</version><scope>test</scope></dependency>.");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LiquibaseSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
