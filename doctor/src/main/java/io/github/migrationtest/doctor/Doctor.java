package io.github.migrationtest.doctor;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.doctor.internal.CatalogCheck;
import io.github.migrationtest.doctor.internal.ChainStates;
import io.github.migrationtest.doctor.internal.HistoryCheck;
import io.github.migrationtest.doctor.internal.SchemaCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Tells, for a live database and the chain, what a deploy would meet: the history against the chain, objects
 * that pending migrations create and the database already has, drift from the chain's schema at the recorded
 * version, invalid indexes, a held migration lock and long transactions; each finding with its fix.
 *
 * <p>The live database is only read, through sessions that cannot write ({@link LiveDatabase}). What the
 * chain makes at each version is derived on a scratch server of the same major version, from the cached
 * templates the tests use.
 *
 * <pre>{@code
 * DoctorReport report = Doctor.of(chain, scratchServer).examine(LiveDatabase.of(url, user, password));
 * assertThat(report).isHealthy();
 * }</pre>
 */
public final class Doctor {

    private final MigrationChain chain;
    private final PostgresServer scratch;
    private final Duration longTransaction;
    private final Duration migrationTimeout;

    private Doctor(MigrationChain chain, PostgresServer scratch, Duration longTransaction, Duration migrationTimeout) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.longTransaction = Objects.requireNonNull(longTransaction, "longTransaction");
        this.migrationTimeout = Objects.requireNonNull(migrationTimeout, "migrationTimeout");
    }

    /**
     * A doctor for the chain that derives the chain's states on the scratch server (a test server: embedded,
     * docker or external, never the live one).
     */
    public static Doctor of(MigrationChain chain, PostgresServer scratch) {
        return new Doctor(chain, scratch, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    /** This doctor, reporting transactions open longer than {@code age} (default one minute). */
    public Doctor longTransactionsAfter(Duration age) {
        return new Doctor(chain, scratch, age, migrationTimeout);
    }

    /** This doctor, with a time limit for applying the chain on the scratch server (default ten minutes). */
    public Doctor migrationTimeout(Duration limit) {
        return new Doctor(chain, scratch, longTransaction, limit);
    }

    /**
     * Examines the live database.
     *
     * @throws MigrationTestConfigurationException if the scratch server's major version differs from the live one's
     * @throws MigrationTestException if the live database cannot be read, with the reason
     */
    public DoctorReport examine(LiveDatabase live) {
        try (Connection connection = live.connect()) {
            int liveMajor = majorVersion(connection);
            if (liveMajor != scratch.majorVersion()) {
                throw new MigrationTestConfigurationException("The live database runs PostgreSQL " + liveMajor
                        + " but the scratch server " + scratch.describe() + " runs " + scratch.majorVersion()
                        + ": the chain's schema must be derived on the same major version. Use a scratch server of"
                        + " PostgreSQL " + liveMajor + ".");
            }
            DatabaseFactory factory = DatabaseFactory.on(scratch);
            List<Migration> migrations = factory.templates().migrations(chain);
            List<HistoryEntry> history = chain.history(live.dataSource());
            SnapshotOptions options = SnapshotOptions.defaults().withHistoryTables(unqualified(chain.engineHistory().table()),
                    unqualified(chain.engineHistory().table()) + "lock");
            SchemaSnapshot liveSchema = SchemaSnapshot.of(connection, options);
            ChainStates states = new ChainStates(factory, chain, migrations, options, migrationTimeout);

            HistoryCheck.Result historyResult = HistoryCheck.check(chain, migrations, history);
            List<DoctorFinding> findings = new ArrayList<>(historyResult.findings());
            findings.addAll(SchemaCheck.check(chain, migrations, historyResult, states, liveSchema));
            findings.addAll(CatalogCheck.check(connection, chain, longTransaction));
            findings.sort(Comparator.comparing((DoctorFinding f) -> !f.isProblem()));
            String recorded = historyResult.recordedIndex() < 0 ? "none"
                    : migrations.get(historyResult.recordedIndex()).id();
            return new DoctorReport(live.jdbcUrl(), chain.description(), recorded, findings);
        } catch (SQLException e) {
            throw new MigrationTestException("The doctor could not read " + live + ": " + e.getMessage()
                    + (e.getSQLState() != null && e.getSQLState().startsWith("28")
                            ? ". Check the user and password (the doctor needs a role that can read the catalog"
                                    + " and the history table)." : ""), e);
        }
    }

    private static int majorVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String unqualified(String table) {
        return table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
    }
}
