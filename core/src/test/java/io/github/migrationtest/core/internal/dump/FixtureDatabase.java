package io.github.migrationtest.core.internal.dump;

import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The "production" database the dump fixtures are made from: the billing chain applied by Flyway up to V2,
 * then what was done by hand (owners, grants, a policy, an extra index); V3 is pending.
 */
final class FixtureDatabase {

    /** The chain of the fixture: V1 and V2 are recorded in the dumps' history, V3 is pending. */
    static final FlywayChain CHAIN = FlywayChain.builder().locations("classpath:dumps/chain").build();

    private FixtureDatabase() {
    }

    /** An embedded server of that major, with the binaries the build copies into target/pg-binaries where present. */
    static PostgresServer server(int major) {
        Map<String, String> explicit = Files.isDirectory(Paths.get("target/pg-binaries"))
                ? Map.of("migrationtest.embedded.binaries", "target/pg-binaries") : Map.of();
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(major), Configuration.load(explicit));
    }

    /** Databases with the fixture's chain bound on the embedded server of that major. */
    static MigrationDatabases databases(int major, Duration limit) {
        MigrationSettings.Builder settings = MigrationSettings.builder().provider(ServerProvider.EMBEDDED)
                .postgres(major).migrationTimeout(limit);
        if (Files.isDirectory(Paths.get("target/pg-binaries"))) {
            settings.property("migrationtest.embedded.binaries", "target/pg-binaries");
        }
        return MigrationDatabases.builder().chain(CHAIN).settings(settings.build()).build();
    }

    /** A new fixture database on the server; closing it drops it. */
    static DisposableDatabase create(PostgresServer server) {
        DisposableDatabase database = DatabaseFactory.on(server).createEmpty();
        MigrationResult result = CHAIN.migrate(database.dataSource(), Optional.of("2"));
        if (!result.succeeded()) {
            throw new IllegalStateException("The fixture chain failed: " + result);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(resource("dumps/by-hand.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("The fixture's by-hand changes failed: " + e.getMessage(), e);
        }
        return database;
    }

    static String resource(String path) {
        try (InputStream in = FixtureDatabase.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
