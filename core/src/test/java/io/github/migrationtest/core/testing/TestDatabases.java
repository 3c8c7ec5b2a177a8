package io.github.migrationtest.core.testing;

import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.TestServers;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.server.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fresh databases on the embedded PostgreSQL 17 of this build, and what tests ask of them. */
public final class TestDatabases {

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

    /** The server all core tests share. */
    public static PostgresServer server() {
        return TestServers.embedded17();
    }

    /** A new empty database; closing it drops it. */
    public static DisposableDatabase empty() {
        return DatabaseFactory.on(server()).createEmpty();
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

    /** Runs SQL on the database. */
    public static void execute(DisposableDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new MigrationTestException("Statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
