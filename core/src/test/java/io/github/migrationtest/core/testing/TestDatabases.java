package io.github.migrationtest.core.testing;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place the tests of every module get embedded PostgreSQL from: the server of a major version (17 unless a
 * test runs across versions), fresh databases on it, and what tests ask of them. Core publishes it in its test-jar.
 */
public final class TestDatabases {

    /** The time limit of every migration run the tests start. */
    public static final Duration LIMIT = Duration.ofMinutes(1);

    /** The major version the tests run on unless they run across versions. */
    public static final int MAJOR = 17;

    // Liquibase logs through java.util.logging, failures as SEVERE with stack traces; the tests assert
    // on the results instead. Held in a field: java.util.logging keeps loggers only weakly.
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    static {
        quietLiquibase();
    }

    private TestDatabases() {
    }

    /** Silences Liquibase's log; for test classes that use no database before Liquibase logs. */
    public static void quietLiquibase() {
        LIQUIBASE.setLevel(Level.OFF);
    }

    /** The embedded PostgreSQL 17 the tests of a JVM share, started on first use. */
    public static PostgresServer server() {
        return server(MAJOR);
    }

    /** The embedded server of another major version, from the binaries the build copies into target/pg-binaries. */
    public static PostgresServer server(int major) {
        return PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(major), Configuration.load());
    }

    /** Databases and templates on {@link #server()}. */
    public static DatabaseFactory factory() {
        return DatabaseFactory.on(server());
    }

    /** A new empty database; closing it drops it. */
    public static DisposableDatabase empty() {
        return factory().createEmpty();
    }

    /** The Flyway chain at {@code classpath:<location>} of the test resources. */
    public static FlywayChain flyway(String location) {
        return FlywayChain.builder().locations("classpath:" + location).build();
    }

    /** A new empty database with the chain bound. */
    public static MigrationDatabase migrationDatabase(MigrationChain chain) {
        return database(chain, LIMIT);
    }

    /** A new empty database with the chain bound, its runs limited to {@code limit}. */
    public static MigrationDatabase database(MigrationChain chain, Duration limit) {
        return databases(chain, limit).empty();
    }

    /** The factory of databases with the chain bound on {@link #server()}, the way the extension builds it. */
    public static MigrationDatabases databases(MigrationChain chain, Duration limit) {
        return MigrationDatabases.builder().chain(chain).settings(settings(limit)).build();
    }

    /** The settings of the tests: the shared embedded server, migration runs limited to {@code limit}. */
    public static MigrationSettings settings(Duration limit) {
        return MigrationSettings.builder().provider(ServerProvider.EMBEDDED).postgres(MAJOR).migrationTimeout(limit)
                .build();
    }

    /** A new empty database with the Flyway chain at {@code classpath:<location>} bound. */
    public static MigrationDatabase migrationDatabase(String flywayLocation) {
        return migrationDatabase(flyway(flywayLocation));
    }

    /** A clone of the chain's cached template after migration {@code id}, as {@code @At(id)} gives it. */
    public static MigrationDatabase at(MigrationChain chain, String id) {
        return databases(chain, LIMIT).at(id);
    }

    /** The user tables of the database as {@code schema.table}, sorted. */
    public static List<String> tables(DisposableDatabase database) {
        return strings(database, "select table_schema || '.' || table_name from information_schema.tables"
                + " where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'"
                + " order by 1");
    }

    /** The columns of a table, in order. */
    public static List<String> columns(DisposableDatabase database, String schema, String table) {
        return strings(database, "select column_name from information_schema.columns where table_schema = ?"
                + " and table_name = ? order by ordinal_position", schema, table);
    }

    /** The values of the first column of a query's rows. */
    public static List<String> strings(DisposableDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new MigrationTestException("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs SQL on the database in autocommit mode (several statements separated by semicolons are fine). */
    public static void execute(DisposableDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new MigrationTestException("Statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a script of the test class path statement by statement in autocommit mode; statements that fail are
     * expected to (a failed {@code CREATE INDEX CONCURRENTLY}) and their errors are returned, not thrown.
     *
     * @return the errors of the statements that failed, as {@code SQLSTATE message}
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
            throw new MigrationTestException("Could not run " + resource + ": " + e.getMessage(), e);
        }
        return errors;
    }

    // The test scripts end each statement with a semicolon at the end of a line; splitting there spares a SQL parser.
    private static List<String> statements(String resource) {
        try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource + " on the test class path");
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
