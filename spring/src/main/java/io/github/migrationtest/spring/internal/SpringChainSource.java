package io.github.migrationtest.spring.internal;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.junit.spi.ChainDefinition;
import io.github.migrationtest.junit.spi.ChainSource;
import io.github.migrationtest.spring.SpringMigrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The chain of a {@code @SpringMigrationTest} class, read the way Spring Boot reads it: application
 * properties/yml with the active profiles (Boot's own config-data loading), {@code @SpringBootTest(properties)}
 * on top, bound with Boot's {@link Binder} (relaxed names, lists, maps).
 */
public final class SpringChainSource implements ChainSource {

    /** spring.flyway.* names (Boot's) and the Flyway configuration keys they map to. */
    private static final Map<String, String> FLYWAY_KEYS = flywayKeys();
    private static final Map<String, String> LIQUIBASE_KEYS = Map.of(
            "contexts", "contexts",
            "label-filter", "labels",
            "default-schema", "defaultSchemaName",
            "liquibase-schema", "liquibaseSchemaName");

    @Override
    public Optional<ChainDefinition> chainFor(Class<?> testClass) {
        if (!MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(SpringMigrationTest.class)) {
            return Optional.empty();
        }
        Binder binder = Binder.get(environment(testClass));
        boolean flyway = present("org.flywaydb.core.Flyway", testClass)
                && binder.bind("spring.flyway.enabled", Boolean.class).orElse(true);
        boolean liquibase = present("liquibase.Liquibase", testClass)
                && binder.bind("spring.liquibase.enabled", Boolean.class).orElse(true);
        if (flyway) {
            return Optional.of(flyway(binder));
        }
        if (liquibase) {
            return Optional.of(liquibase(binder));
        }
        throw new MigrationTestConfigurationException("@SpringMigrationTest reads the chain from spring.flyway.* or"
                + " spring.liquibase.*, but neither engine is on the test class path (or both are disabled with"
                + " spring.flyway.enabled=false / spring.liquibase.enabled=false). Add org.flywaydb:flyway-core or"
                + " org.liquibase:liquibase-core, as the application uses.");
    }

    private static ChainDefinition flyway(Binder binder) {
        List<String> locations = binder.bind("spring.flyway.locations", Bindable.listOf(String.class))
                .orElse(List.of("classpath:db/migration")).stream()
                .map(l -> l.replace("{vendor}", "postgresql")).toList();
        Map<String, String> properties = new LinkedHashMap<>();
        FLYWAY_KEYS.forEach((spring, flyway) -> binder.bind("spring.flyway." + spring, Bindable.listOf(String.class))
                .ifBound(values -> properties.put("flyway." + flyway, String.join(",", values))));
        binder.bind("spring.flyway.placeholders", Bindable.mapOf(String.class, String.class))
                .ifBound(map -> map.forEach((k, v) -> properties.put("flyway.placeholders." + k, v)));
        return new ChainDefinition(locations, Optional.empty(), properties, "spring.flyway.*");
    }

    private static ChainDefinition liquibase(Binder binder) {
        String changelog = binder.bind("spring.liquibase.change-log", String.class)
                .orElse("classpath:/db/changelog/db.changelog-master.yaml");
        String onClassPath = changelog.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        Map<String, String> properties = new LinkedHashMap<>();
        LIQUIBASE_KEYS.forEach((spring, key) -> binder.bind("spring.liquibase." + spring, Bindable.listOf(String.class))
                .ifBound(values -> properties.put("liquibase." + key, String.join(",", values))));
        binder.bind("spring.liquibase.parameters", Bindable.mapOf(String.class, String.class))
                .ifBound(map -> map.forEach((k, v) -> properties.put("liquibase.parameters." + k, v)));
        return new ChainDefinition(List.of(), Optional.of(onClassPath), properties, "spring.liquibase.*");
    }

    private static StandardEnvironment environment(Class<?> testClass) {
        StandardEnvironment environment = new StandardEnvironment();
        MergedAnnotation<SpringBootTest> boot = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
                .get(SpringBootTest.class);
        if (boot.isPresent()) {
            String[] inlined = boot.getStringArray("properties");
            environment.getPropertySources().addFirst(new MapPropertySource("@SpringBootTest(properties)",
                    TestPropertySourceUtils.convertInlinedPropertiesToMap(inlined)));
        }
        Set<String> profiles = new LinkedHashSet<>();
        MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).stream(ActiveProfiles.class)
                .forEach(a -> profiles.addAll(Arrays.asList(a.getStringArray("profiles"))));
        loadConfigData(environment, new DefaultResourceLoader(testClass.getClassLoader()), new ArrayList<>(profiles));
        return environment;
    }

    /**
     * Boot's {@code ConfigDataEnvironmentPostProcessor.applyTo(environment, resourceLoader, bootstrapContext,
     * profiles)}, found by shape: its bootstrap-context parameter moved from {@code org.springframework.boot} (3.x)
     * to {@code org.springframework.boot.bootstrap} (4.x), so a call compiled against either fails on the other.
     */
    private static void loadConfigData(StandardEnvironment environment, ResourceLoader resourceLoader,
            List<String> profiles) {
        Method applyTo = Arrays.stream(ConfigDataEnvironmentPostProcessor.class.getMethods())
                .filter(m -> m.getName().equals("applyTo") && m.getParameterCount() == 4
                        && m.getParameterTypes()[1] == ResourceLoader.class
                        && m.getParameterTypes()[3] == Collection.class)
                .findFirst()
                .orElseThrow(() -> new MigrationTestConfigurationException("@SpringMigrationTest reads"
                        + " application.properties/yml through Spring Boot's ConfigDataEnvironmentPostProcessor"
                        + ".applyTo(environment, resourceLoader, bootstrapContext, profiles), which this Spring Boot"
                        + " version does not have. Supported: Spring Boot 3.5 and 4.0."));
        try {
            applyTo.invoke(null, environment, resourceLoader, null, profiles);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean present(String className, Class<?> testClass) {
        try {
            Class.forName(className, false, testClass.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Map<String, String> flywayKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : List.of("baseline-on-migrate", "baseline-version", "baseline-description", "out-of-order",
                "schemas", "default-schema", "create-schemas", "table", "tablespace", "target", "placeholder-prefix",
                "placeholder-suffix", "placeholder-separator", "placeholder-replacement", "script-placeholder-prefix",
                "script-placeholder-suffix", "validate-on-migrate", "validate-migration-naming",
                "ignore-migration-patterns", "sql-migration-prefix", "sql-migration-separator",
                "sql-migration-suffixes", "repeatable-sql-migration-prefix", "mixed", "group", "encoding",
                "installed-by", "skip-default-callbacks", "skip-default-resolvers", "lock-retry-count")) {
            keys.put(name, camel(name));
        }
        keys.put("init-sqls", "initSql");
        keys.put("postgresql.transactional-lock", "postgresql.transactional.lock");
        return keys;
    }

    private static String camel(String kebab) {
        StringBuilder result = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                result.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return result.toString();
    }
}
