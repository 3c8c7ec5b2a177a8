package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.internal.PostgresVersions;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@code @MigrationTest} class asks for, with every source of settings applied and checked.
 *
 * @param annotation the annotation, for the chain attributes
 * @param configuration all settings, the annotation's on top
 * @param provider where the servers should come from
 * @param majors the major versions to run against; empty for "the external server's own"
 * @param keepFailed whether to keep a failed test's database
 * @param migrationTimeout the time limit of one migration run
 */
record MigrationTestSettings(MigrationTest annotation, Configuration configuration, ServerProvider provider,
        List<Integer> majors, boolean keepFailed, Duration migrationTimeout) {

    private static final Set<String> ENGINE_PREFIXES = Set.of("flyway.", "liquibase.");

    /**
     * The settings of a class.
     *
     * @param parameters JUnit's configuration parameters (junit-platform.properties, the launcher's), by key
     */
    static MigrationTestSettings of(MigrationTest annotation, Function<String, Optional<String>> parameters) {
        Configuration configuration = Configuration.load(explicitValues(annotation), parameters);
        ServerProvider provider = ServerProvider.parse(configuration.get(Setting.PROVIDER));
        List<Integer> majors = configuration.isSet(Setting.POSTGRES) || provider != ServerProvider.EXTERNAL
                ? PostgresVersions.parseMajors(configuration.get(Setting.POSTGRES))
                : List.of();
        return new MigrationTestSettings(annotation, configuration, provider, majors,
                configuration.flag(Setting.KEEP_FAILED), Durations.of(configuration, Setting.MIGRATION_TIMEOUT));
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
        if (ENGINE_PREFIXES.stream().anyMatch(key::startsWith)) {
            return;
        }
        boolean known = Arrays.stream(Setting.values()).anyMatch(s -> s.key().equals(key));
        if (!known) {
            throw new MigrationTestConfigurationException("@MigrationTest(properties) sets unknown key '" + key
                    + "'. Keys start with flyway. or liquibase. (engine settings), or are one of: "
                    + Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", ")) + ".");
        }
    }
}
