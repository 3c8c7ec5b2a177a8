package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The embedded PostgreSQL 17 the scenario tests share, and the test chains under src/test/resources/states. */
public final class Databases {

    static final Duration LIMIT = Duration.ofMinutes(1);

    // Liquibase logs through java.util.logging, failures with stack traces; the tests assert on the results.
    // Held in a field: java.util.logging keeps loggers only weakly.
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(Level.OFF);
    }

    private Databases() {
    }

    public static PostgresServer server() {
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
    }

    public static DatabaseFactory factory() {
        return DatabaseFactory.on(server());
    }

    /** The original (broken) or fixed chain of a state's test resources, with extra Flyway properties as key, value. */
    public static FlywayChain chain(String state, String variant, String... properties) {
        FlywayChain.Builder builder = FlywayChain.builder().locations("classpath:states/" + state + "/" + variant)
                // CREATE INDEX CONCURRENTLY waits forever for Flyway's default transactional lock.
                .property("flyway.postgresql.transactional.lock", "false");
        for (int i = 0; i < properties.length; i += 2) {
            builder.property(properties[i], properties[i + 1]);
        }
        return builder.build();
    }

    /** A Liquibase chain of the test resources' liquibase directory, e.g. {@code analytics/original}. */
    public static LiquibaseChain liquibase(String changelogDirectory) {
        return LiquibaseChain.builder().changelog("liquibase/" + changelogDirectory + "/changelog.sql").build();
    }

    /** The settings of the scenarios' tests: the shared embedded server, runs limited to {@link #LIMIT}. */
    public static MigrationSettings settings() {
        return settings(LIMIT);
    }

    /** The settings of the scenarios' tests with another time limit of a migration run. */
    public static MigrationSettings settings(Duration limit) {
        return MigrationSettings.builder().provider(ServerProvider.EMBEDDED).postgres(17).migrationTimeout(limit)
                .build();
    }

    /** The databases of a chain on the shared server, as the extension makes them for a test class. */
    public static MigrationDatabases of(MigrationChain chain) {
        return MigrationDatabases.builder().chain(chain).settings(settings()).build();
    }

    /** An empty database with the chain bound. */
    public static MigrationDatabase empty(MigrationChain chain) {
        return of(chain).empty();
    }

    /** A clone of the chain's cached template after migration {@code id}, as {@code @At(id)} gives it. */
    public static MigrationDatabase at(MigrationChain chain, String id) {
        return of(chain).at(id);
    }
}
