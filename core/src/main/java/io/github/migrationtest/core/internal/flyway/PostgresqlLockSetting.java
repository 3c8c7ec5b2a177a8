package io.github.migrationtest.core.internal.flyway;

import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * {@code flyway.postgresql.transactional.lock}, set on Flyway's PostgreSQL extension directly.
 * Through the configuration map, Flyway 13 accepts plugin settings only with jackson-databind on the
 * class path; and it is the one setting the lock diagnoses tell users to change.
 */
final class PostgresqlLockSetting {

    static final String KEY = "flyway.postgresql.transactional.lock";

    private PostgresqlLockSetting() {
    }

    /** The properties without the lock setting, which {@link #apply} sets instead. */
    static Map<String, String> without(Map<String, String> properties) {
        Map<String, String> rest = new TreeMap<>(properties);
        rest.remove(KEY);
        return rest;
    }

    static void apply(FluentConfiguration configuration, Map<String, String> properties) {
        String value = properties.get(KEY);
        if (value != null) {
            extension(configuration).setTransactionalLock(Boolean.parseBoolean(value.trim()));
        }
    }

    private static PostgreSQLConfigurationExtension extension(FluentConfiguration configuration) {
        try {
            return configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class);
        } catch (NoSuchMethodError flyway10) {
            // Flyway 10 has no getConfigurationExtension; its plugin register holds the same extension.
            return configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
        }
    }
}
