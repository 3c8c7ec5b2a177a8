package io.github.migrationtest.core;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.time.Duration;
import java.util.OptionalInt;

/** The embedded PostgreSQL 17 server the core tests share, and shortcuts onto it. */
public final class TestServers {

    private TestServers() {
    }

    public static PostgresServer embedded17() {
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
    }

    public static DatabaseFactory databases() {
        return DatabaseFactory.on(embedded17());
    }

    public static FlywayChain flyway(String location) {
        return FlywayChain.builder().locations("classpath:" + location).build();
    }

    /** An empty database with a Flyway chain from the test resources bound. */
    public static MigrationDatabase emptyDatabase(String location) {
        return database(flyway(location), Duration.ofMinutes(1));
    }

    /** An empty database on the shared server with the chain bound, its runs limited to {@code limit}. */
    public static MigrationDatabase database(MigrationChain chain, Duration limit) {
        return MigrationDatabases.builder().chain(chain).settings(MigrationSettings.builder()
                .provider(ServerProvider.EMBEDDED).postgres(17).migrationTimeout(limit).build()).build().empty();
    }
}
