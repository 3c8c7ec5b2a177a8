package io.github.migrationtest.assertions;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The embedded PostgreSQL 17 of the test JVM and the databases the tests create on it. */
public final class Postgres {

    private Postgres() {
    }

    /** The server, started on first use. */
    public static PostgresServer server() {
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
    }

    /** A new empty database; close it to drop it. */
    public static DisposableDatabase emptyDatabase() {
        return DatabaseFactory.on(server()).createEmpty();
    }

    /** A new empty database with the Flyway chain at {@code classpath:<location>} bound to it. */
    public static MigrationDatabase migrationDatabase(String location) {
        return MigrationDatabases.builder().chain(FlywayChain.builder().locations("classpath:" + location).build())
                .settings(MigrationSettings.builder().provider(ServerProvider.EMBEDDED).postgres(17)
                        .migrationTimeout(Duration.ofMinutes(1)).build())
                .build().empty();
    }

    /** Runs SQL in autocommit mode, statement by statement. */
    public static void execute(DisposableDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
        }
    }

    /**
     * Runs a script of the test class path statement by statement in autocommit mode; statements that fail are
     * expected to (a failed {@code CREATE INDEX CONCURRENTLY}) and their errors are ignored.
     *
     * @return the errors of the statements that failed
     */
    public static List<String> runScript(DisposableDatabase database, String resource) {
        List<String> errors = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements(resource)) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    errors.add(e.getSQLState() + " " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    private static List<String> statements(String resource) {
        try (InputStream in = Postgres.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    statements.add(current.toString().strip());
                    current.setLength(0);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
