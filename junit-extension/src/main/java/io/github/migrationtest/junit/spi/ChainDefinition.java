package io.github.migrationtest.junit.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain as an application's own configuration describes it: Flyway locations or a Liquibase
 * changelog, with engine properties ({@code flyway.*} or {@code liquibase.*} keys).
 *
 * @param flywayLocations the Flyway locations; empty for a Liquibase chain
 * @param liquibaseChangelog the Liquibase changelog on the class path; empty for a Flyway chain
 * @param properties engine properties; a test's own properties override them
 * @param origin where the definition came from, for messages (e.g. "spring.flyway.* of application.yml")
 */
public record ChainDefinition(List<String> flywayLocations, Optional<String> liquibaseChangelog,
        Map<String, String> properties, String origin) {

    /** Copies the collections. */
    public ChainDefinition {
        flywayLocations = List.copyOf(flywayLocations);
        properties = Map.copyOf(properties);
    }
}
