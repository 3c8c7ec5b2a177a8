package io.github.migrationtest.core;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.database.RunPipeline;
import io.github.migrationtest.core.internal.SqlErrors;
import io.github.migrationtest.core.server.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A test's own database with the project's migration chain bound to it.
 *
 * <p>Made by {@link MigrationDatabases}, it carries the {@link MigrationSettings} it was made with. Every
 * run of the chain is time-limited ({@link MigrationSettings#migrationTimeout()}); a run that
 * fails returns a {@link MigrationResult} with the failure, it does not throw. Statements a test runs
 * itself ({@link #execute(String)}, {@link #query(String, Object...)}) throw
 * {@link MigrationTestException} with the server's error when they fail.
 */
public final class MigrationDatabase implements AutoCloseable {

    private final DisposableDatabase database;
    private final MigrationChain chain;
    private final MigrationSettings settings;
    private final RunPipeline runs;
    private final List<Seeded> seeds = new CopyOnWriteArrayList<>();

    // Made by MigrationDatabases only, so that every database carries the settings of its entry point.
    MigrationDatabase(DisposableDatabase database, MigrationChain chain, MigrationSettings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runs = new RunPipeline(chain, database.server(), database.name(), settings.migrationTimeout());
    }

    /** The database name, e.g. {@code mt_t_1a2b3c_7}. */
    public String name() {
        return database.name();
    }

    /** The JDBC URL of the database, without credentials. */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** A data source for the database. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Opens a connection to the database; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /** The server the database lives on (its version, provider, address). */
    public PostgresServer server() {
        return database.server();
    }

    /** The settings the database was made with; the scenarios and assertions that use it read them. */
    public MigrationSettings settings() {
        return settings;
    }

    /** The chain bound to the database. */
    public MigrationChain chain() {
        return chain;
    }

    /** The chain's migrations, in order. */
    public List<Migration> migrations() {
        return database.factory().templates().migrations(chain);
    }

    /** Applies all pending migrations. */
    public MigrationResult migrate() {
        return runs.migrate(Optional.empty());
    }

    /**
     * Applies the pending migrations up to and including {@code id}.
     *
     * @throws MigrationTestConfigurationException if the chain has no migration {@code id}
     */
    public MigrationResult migrateTo(String id) {
        requireMigration(id);
        return runs.migrate(Optional.of(id));
    }

    /**
     * Undoes the newest applied migration, within the time limit of a migration run; a failure comes back
     * diagnosed, as a migration's does.
     *
     * @see MigrationChain#rollbackLast(DataSource)
     */
    public MigrationResult rollbackLast() {
        return runs.rollbackLast();
    }

    /**
     * Undoes, newest first, every migration applied after {@code id}, within the time limit of a
     * migration run; {@code id} stays applied. A failure comes back diagnosed, as a migration's does.
     *
     * @throws MigrationTestConfigurationException if the chain has no migration {@code id}
     * @throws MigrationTestException if {@code id} is not applied
     * @see MigrationChain#rollbackTo(DataSource, String)
     */
    public MigrationResult rollbackTo(String id) {
        return runs.rollbackTo(id);
    }

    /** The engine's history table, in order of execution; empty before the first migration. */
    public List<HistoryEntry> history() {
        return chain.history(database.dataSource(ApplicationNames.HISTORY));
    }

    /**
     * Runs SQL (one or several statements separated by semicolons) in its own transaction.
     *
     * @throws MigrationTestException with the server's error if a statement fails
     */
    public void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw statementFailed(sql, e);
        }
    }

    /**
     * Runs a query and returns its rows, each a map from column label to value, in column order.
     *
     * @param sql the query, with {@code ?} for parameters
     * @param parameters the parameter values, in order
     * @throws MigrationTestException with the server's error if the query fails
     */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw statementFailed(sql, e);
        }
    }

    /**
     * Puts the database into a state before the chain runs, e.g.
     * {@code db.seed(BrokenStates.enumCreatedButUnrecorded("2"))}.
     *
     * @param seed the state
     * @return the applied state; closing it ends what the state keeps open (a session holding the
     *     migration lock). Closing the database closes it too.
     * @throws MigrationTestException if the database cannot be put into the state, with the reason
     */
    public Seeded seed(DatabaseSeed seed) {
        Seeded seeded = Objects.requireNonNull(seed.applyTo(this), "the seed returned no Seeded; use Seeded.NOTHING");
        seeds.add(seeded);
        return seeded;
    }

    /**
     * Keeps the database after the test for inspection.
     *
     * @return how to connect to it, without the password
     */
    public String keep() {
        return database.keep();
    }

    /** Ends what seeded states keep open, then drops the database, unless it was kept. */
    @Override
    public void close() {
        try {
            for (int i = seeds.size() - 1; i >= 0; i--) {
                seeds.get(i).close();
            }
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return database.name() + " (" + chain.description() + ") on " + database.server().describe();
    }

    private void requireMigration(String id) {
        List<Migration> migrations = migrations();
        if (migrations.stream().noneMatch(m -> chain.isNamedBy(m, id))) {
            throw new MigrationTestConfigurationException("The " + chain.description() + " has no migration '" + id
                    + "'. Its migrations are: " + migrations.stream().map(Migration::id)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private MigrationTestException statementFailed(String sql, SQLException e) {
        MigrationFailure failure = SqlErrors.describe(e).statement(sql).build();
        return new MigrationTestException("A statement on " + database.name() + " failed:\n  "
                + failure.sqlState().map(s -> "ERROR " + s + ": ").orElse("") + failure.message()
                + "\n  statement: " + sql.strip()
                + failure.detail().map(d -> "\n  detail: " + d).orElse("")
                + failure.hint().map(h -> "\n  hint: " + h).orElse(""), e);
    }
}
