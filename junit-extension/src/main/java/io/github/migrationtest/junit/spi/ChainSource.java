package io.github.migrationtest.junit.spi;

import java.util.Optional;

/**
 * A service (found with {@link java.util.ServiceLoader}) that defines the chain of a
 * {@code @MigrationTest} class whose annotation names none, e.g. from the application's
 * {@code spring.flyway.*} settings.
 */
public interface ChainSource {

    /** The chain for the test class, or empty if this source does not apply to it. */
    Optional<ChainDefinition> chainFor(Class<?> testClass);
}
