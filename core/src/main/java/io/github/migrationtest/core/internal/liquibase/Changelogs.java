package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.List;

/** The messages for a changelog that cannot be used: missing, or broken. */
final class Changelogs {

    private Changelogs() {
    }

    static MigrationTestConfigurationException missing(String changelog, List<String> searchPath) {
        String where = searchPath.isEmpty() ? "on the test class path"
                : "in the search path " + searchPath + " or on the test class path";
        String folder = changelog.contains("/") ? changelog.substring(0, changelog.lastIndexOf('/') + 1) : "";
        return new MigrationTestConfigurationException("The Liquibase changelog '" + changelog + "' does not exist: no"
                + " such file " + where + ". Put it under src/main/resources/" + folder + " or src/test/resources/"
                + folder + ", or name its directory with searchPath(...).");
    }

    static MigrationTestConfigurationException unparsable(String changelog, Throwable e) {
        return new MigrationTestConfigurationException("The Liquibase changelog '" + changelog + "' cannot be parsed:\n  "
                + LiquibaseFailures.explain(e));
    }
}
