package io.github.migrationtest.junit;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.database.PreparedChain;
import io.github.migrationtest.core.internal.database.Preparation;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.flyway.FlywayConfigurer;
import io.github.migrationtest.core.internal.flyway.FlywaySupport;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseSupport;
import io.github.migrationtest.junit.spi.ChainDefinition;
import io.github.migrationtest.junit.spi.ChainSource;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Builds the chain a {@code @MigrationTest} names, checking that it exists and its engine is present. */
final class ChainFactory {

    private ChainFactory() {
    }

    static MigrationChain create(MigrationTestSettings settings, Class<?> testClass) {
        MigrationTest annotation = settings.annotation();
        boolean flyway = annotation.flyway().length > 0;
        boolean liquibase = !annotation.liquibase().isBlank();
        if (flyway && liquibase) {
            throw new MigrationTestConfigurationException("It names two"
                    + " chains (flyway and liquibase). A test class tests one chain; split it into two classes.");
        }
        if (!flyway && !liquibase) {
            Optional<ChainDefinition> defined = ServiceLoader.load(ChainSource.class, ChainFactory.class.getClassLoader())
                    .stream().map(ServiceLoader.Provider::get).map(source -> source.chainFor(testClass))
                    .flatMap(Optional::stream).findFirst();
            if (defined.isPresent()) {
                MigrationChain chain = definedChain(defined.get(), settings, testClass);
                chain.validate();
                return chain;
            }
            throw new MigrationTestConfigurationException("It names no"
                    + " chain. Say where the migrations are, e.g. @MigrationTest(flyway = \"classpath:db/migration\")"
                    + " or @MigrationTest(liquibase = \"db/changelog/db.changelog-master.yaml\").");
        }
        MigrationChain chain = flyway ? flywayChain(settings, testClass) : liquibaseChain(settings, testClass);
        chain.validate();
        return PreparedChain.of(chain, Preparation.of(settings.configuration(), testClass.getClassLoader()));
    }

    private static MigrationChain flywayChain(MigrationTestSettings settings, Class<?> testClass) {
        FlywaySupport.require();
        FlywayChain.Builder builder = FlywayChain.builder()
                .locations(settings.annotation().flyway())
                .properties(settings.engineProperties("flyway."))
                .classLoader(testClass.getClassLoader());
        Class<? extends FlywayConfigurer> configurer = settings.annotation().flywayConfigurer();
        if (configurer != FlywayConfigurer.None.class) {
            builder.configurer(Configurers.create(configurer, "flywayConfigurer"));
        }
        return builder.build();
    }

    /** A chain an application's configuration defines; the test's own engine properties win. */
    private static MigrationChain definedChain(ChainDefinition definition, MigrationTestSettings settings,
            Class<?> testClass) {
        if (definition.liquibaseChangelog().isPresent()) {
            LiquibaseSupport.require();
            Map<String, String> properties = new TreeMap<>(definition.properties());
            properties.putAll(settings.engineProperties("liquibase."));
            return LiquibaseChain.builder().changelog(definition.liquibaseChangelog().get()).properties(properties)
                    .classLoader(testClass.getClassLoader()).build();
        }
        FlywaySupport.require();
        Map<String, String> properties = new TreeMap<>(definition.properties());
        properties.putAll(settings.engineProperties("flyway."));
        FlywayChain.Builder builder = FlywayChain.builder()
                .locations(definition.flywayLocations().toArray(String[]::new))
                .properties(properties)
                .classLoader(testClass.getClassLoader());
        Class<? extends FlywayConfigurer> configurer = settings.annotation().flywayConfigurer();
        if (configurer != FlywayConfigurer.None.class) {
            builder.configurer(Configurers.create(configurer, "flywayConfigurer"));
        }
        return builder.build();
    }

    private static MigrationChain liquibaseChain(MigrationTestSettings settings, Class<?> testClass) {
        LiquibaseSupport.require();
        return LiquibaseChain.builder()
                .changelog(settings.annotation().liquibase())
                .properties(settings.engineProperties("liquibase."))
                .classLoader(testClass.getClassLoader())
                .build();
    }
}
