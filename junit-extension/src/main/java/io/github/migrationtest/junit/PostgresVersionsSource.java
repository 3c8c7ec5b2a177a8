package io.github.migrationtest.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The invocations of a {@code @MigrationTest} class on JUnit 5.13 and later: one per PostgreSQL version,
 * named after it and carrying no arguments, so that the class's own constructor stays free for other
 * resolvers (Spring's, for instance). JUnit 5.12 never loads this class.
 */
final class PostgresVersionsSource implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return ClassPlan.of(context).runs().stream().map(run -> Arguments.argumentSet(run.displayName()));
    }
}
