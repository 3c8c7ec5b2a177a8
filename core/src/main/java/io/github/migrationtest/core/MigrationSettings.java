package io.github.migrationtest.core;

import io.github.migrationtest.core.internal.PostgresVersions;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The settings of migrationtest, resolved once and carried by every {@link MigrationDatabase} made with them:
 * the time limit of a migration run, whether snapshot files are rewritten, the servers, the engine properties.
 *
 * <p>Values come, first match wins, from the values set on the {@link #builder() builder} (or on
 * {@code @MigrationTest}), system properties, environment variables ({@code MIGRATIONTEST_MIGRATION_TIMEOUT}),
 * the first {@code migrationtest.properties} on the class path, and the defaults. Immutable and thread-safe;
 * everything below the entry point that made it reads these values instead of looking again.
 *
 * <pre>{@code
 * MigrationSettings settings = MigrationSettings.builder()
 *         .migrationTimeout(Duration.ofSeconds(30))
 *         .property("flyway.placeholders.owner", "app")
 *         .build();
 * }</pre>
 */
public final class MigrationSettings {

    private final Configuration configuration;
    private final ServerProvider provider;
    private final List<Integer> postgresVersions;
    private final Duration migrationTimeout;
    private final boolean keepFailed;
    private final boolean updateSnapshots;

    private MigrationSettings(Configuration configuration) {
        this.configuration = configuration;
        this.provider = ServerProvider.parse(configuration.get(Setting.PROVIDER));
        // An external server brings its own version unless one is asked for.
        this.postgresVersions = configuration.isSet(Setting.POSTGRES) || provider != ServerProvider.EXTERNAL
                ? PostgresVersions.parseMajors(configuration.get(Setting.POSTGRES)) : List.of();
        this.migrationTimeout = Durations.of(configuration, Setting.MIGRATION_TIMEOUT);
        this.keepFailed = configuration.flag(Setting.KEEP_FAILED);
        this.updateSnapshots = configuration.flag(Setting.UPDATE_SNAPSHOTS);
    }

    /**
     * The settings of this machine: system properties, environment variables, {@code migrationtest.properties}
     * and the defaults.
     *
     * @throws MigrationTestConfigurationException if a value is invalid, naming the key and what it accepts
     */
    public static MigrationSettings load() {
        return new MigrationSettings(Configuration.load());
    }

    /**
     * The settings a resolved configuration holds. For migrationtest's own entry points (the JUnit extension),
     * which read more sources than {@link #builder()} offers.
     *
     * @throws MigrationTestConfigurationException if a value is invalid
     */
    public static MigrationSettings of(Configuration configuration) {
        return new MigrationSettings(Objects.requireNonNull(configuration, "configuration"));
    }

    /** A builder whose values win over every other source. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where PostgreSQL comes from ({@code migrationtest.provider}); {@link ServerProvider#AUTO} until resolved. */
    public ServerProvider provider() {
        return provider;
    }

    /**
     * The PostgreSQL major versions to test against ({@code migrationtest.postgres}); empty for an external
     * server without one set, which is tested at its own version.
     */
    public List<Integer> postgresVersions() {
        return postgresVersions;
    }

    /** The time limit of one migration run ({@code migrationtest.migration-timeout}). */
    public Duration migrationTimeout() {
        return migrationTimeout;
    }

    /** Whether a failed test's database is kept for inspection ({@code migrationtest.keep-failed}). */
    public boolean keepFailed() {
        return keepFailed;
    }

    /** Whether schema snapshot files are rewritten instead of compared ({@code migrationtest.update-snapshots}). */
    public boolean updateSnapshots() {
        return updateSnapshots;
    }

    /**
     * The engine properties with a prefix, e.g. all {@code flyway.*} keys, from the explicit values and
     * {@code migrationtest.properties} (build tools use the system-property names for themselves).
     */
    public Map<String, String> engineProperties(String prefix) {
        return configuration.withPrefix(prefix);
    }

    /** The resolved sources, for the server registry, which reads provider settings by key. */
    Configuration configuration() {
        return configuration;
    }

    @Override
    public String toString() {
        return "MigrationSettings[provider=" + provider.settingValue() + ", postgres=" + postgresVersions
                + ", migrationTimeout=" + migrationTimeout + ", keepFailed=" + keepFailed + ", updateSnapshots="
                + updateSnapshots + "]";
    }

    /** Builds {@link MigrationSettings}; the values set here win over every other source. */
    public static final class Builder {

        private final Map<String, String> explicit = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a key as {@code migrationtest.properties} would: a {@code migrationtest.*} setting or an engine
         * property ({@code flyway.*}, {@code liquibase.*}).
         */
        public Builder property(String key, String value) {
            explicit.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several keys, see {@link #property(String, String)}. */
        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /** Where PostgreSQL comes from. */
        public Builder provider(ServerProvider provider) {
            return property(Setting.PROVIDER.key(), provider.settingValue());
        }

        /** The PostgreSQL major versions to test against. */
        public Builder postgres(int... majors) {
            return property(Setting.POSTGRES.key(), Arrays.stream(majors).mapToObj(Integer::toString)
                    .collect(Collectors.joining(",")));
        }

        /** The time limit of one migration run. */
        public Builder migrationTimeout(Duration limit) {
            return property(Setting.MIGRATION_TIMEOUT.key(), limit.toMillis() + "ms");
        }

        /** Whether a failed test's database is kept. */
        public Builder keepFailed(boolean keep) {
            return property(Setting.KEEP_FAILED.key(), Boolean.toString(keep));
        }

        /** Whether schema snapshot files are rewritten instead of compared. */
        public Builder updateSnapshots(boolean update) {
            return property(Setting.UPDATE_SNAPSHOTS.key(), Boolean.toString(update));
        }

        /**
         * Resolves the settings: the values set here over the machine's.
         *
         * @throws MigrationTestConfigurationException if a value is invalid, naming the key and what it accepts
         */
        public MigrationSettings build() {
            return new MigrationSettings(Configuration.load(explicit));
        }
    }
}
