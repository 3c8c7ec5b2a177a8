package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.testing.TestDatabases;
import java.time.Duration;

/**
 * The test chains under src/test/resources/states and liquibase, and short names for the databases of core's
 * shared test support ({@link TestDatabases}), which starts the server.
 */
public final class Databases {

    static final Duration LIMIT = TestDatabases.LIMIT;

    private Databases() {
    }

    public static DatabaseFactory factory() {
        return TestDatabases.factory();
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
        return TestDatabases.settings(limit);
    }

    /** The databases of a chain on the shared server, as the extension makes them for a test class. */
    public static MigrationDatabases of(MigrationChain chain) {
        return TestDatabases.databases(chain, LIMIT);
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
