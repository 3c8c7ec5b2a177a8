package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.UnknownKeys;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a {@code @MigrationTest} class asks for, with every source of settings applied and checked.
 *
 * <p>The extension is the entry point that resolves the settings: once per class, here. Every database of
 * the class carries {@link #settings()}, and what runs below reads it from the database.
 *
 * @param annotation the annotation, for the chain attributes
 * @param configuration all settings, the annotation's on top
 * @param settings the resolved settings every database of the class carries
 * @param shard this job's share of the standard suite ({@code migrationtest.shard})
 */
record MigrationTestSettings(MigrationTest annotation, Configuration configuration, MigrationSettings settings,
        Shard shard) {

    private static final Set<String> ENGINE_PREFIXES = Set.of("flyway.", "liquibase.");

    /**
     * The settings of a class.
     *
     * @param parameters JUnit's configuration parameters (junit-platform.properties, the launcher's), by key
     */
    static MigrationTestSettings of(MigrationTest annotation, Function<String, Optional<String>> parameters) {
        Configuration configuration = Configuration.load(explicitValues(annotation), parameters);
        // Read here so that an unreadable value fails the class before a server is started, not in a test.
        Durations.of(configuration, Setting.CONNECT_TIMEOUT);
        return new MigrationTestSettings(annotation, configuration, MigrationSettings.of(configuration),
                Shard.of(configuration));
    }

    /** Where the servers should come from. */
    ServerProvider provider() {
        return settings.provider();
    }

    /** The major versions to run against; empty for "the external server's own". */
    List<Integer> majors() {
        return settings.postgresVersions();
    }

    /** Whether to keep a failed test's database. */
    boolean keepFailed() {
        return settings.keepFailed();
    }

    /** The time limit of one migration run. */
    Duration migrationTimeout() {
        return settings.migrationTimeout();
    }

    /** The engine properties with the given prefix, e.g. all {@code flyway.*} keys. */
    Map<String, String> engineProperties(String prefix) {
        return configuration.withPrefix(prefix);
    }

    private static Map<String, String> explicitValues(MigrationTest annotation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : annotation.properties()) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new MigrationTestConfigurationException("@MigrationTest(properties) entry '" + property
                        + "' is not of the form key=value, e.g. \"flyway.placeholders.owner=app\".");
            }
            String key = property.substring(0, equals).trim();
            checkKnown(key);
            values.put(key, property.substring(equals + 1).trim());
        }
        values.put(Setting.PROVIDER.key(), annotation.provider());
        values.put(Setting.POSTGRES.key(), String.join(",", annotation.postgres()));
        return values;
    }

    private static void checkKnown(String key) {
        if (ENGINE_PREFIXES.stream().noneMatch(key::startsWith) && !UnknownKeys.isKnown(key)) {
            throw UnknownKeys.unknown("@MigrationTest(properties)", key);
        }
    }
}
