package io.github.migrationtest.core.flyway;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adjusts the Flyway configuration of a chain in code, after locations and properties are applied:
 * callbacks, Java migration classes, resolvers, anything {@link FluentConfiguration} offers.
 *
 * <p>Implementations need a public no-argument constructor when named in {@code @MigrationTest}.
 */
@FunctionalInterface
public interface FlywayConfigurer {

    /** Changes the configuration in place. */
    void configure(FluentConfiguration configuration);

    /** The configurer that changes nothing; the default of {@code @MigrationTest(flywayConfigurer)}. */
    final class None implements FlywayConfigurer {
        @Override
        public void configure(FluentConfiguration configuration) {
            // Nothing to change.
        }
    }
}
