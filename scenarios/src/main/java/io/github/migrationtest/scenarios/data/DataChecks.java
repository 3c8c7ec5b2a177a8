package io.github.migrationtest.scenarios.data;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.profile.ChainProfile;
import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.Rewrite;
import io.github.migrationtest.core.profile.RowCount;
import io.github.migrationtest.scenarios.internal.data.DataRun;
import io.github.migrationtest.scenarios.internal.data.LockProfiler;
import io.github.migrationtest.scenarios.internal.data.PopulatedStates;
import io.github.migrationtest.scenarios.internal.data.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The "applies to data" check of a chain: each migration applied to a populated database (the chain up to
 * the migration before it, every table filled with generated, adversarial rows) succeeds, or fails with the
 * diagnosis declared for it; and its lock profile - the locks it held and how long, the tables it rewrote,
 * the waits of concurrent readers and writers - keeps the lock budget.
 *
 * <pre>{@code
 * DataChecks data = new DataChecks(databases);
 * ChainProfile profile = data.profile(DataSettings.defaults().rows("orders", 200_000));
 * assertThat(profile).migration("42").takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE, "orders");
 * }</pre>
 */
public final class DataChecks {

    private static final Map<String, Measured> MEASURED = new ConcurrentHashMap<>();

    private final MigrationDatabases source;
    private final DatabaseFactory databases;
    private final MigrationChain chain;
    private final Duration migrationTimeout;

    /** A migration's run on its populated state: the result and the profile. */
    private record Measured(MigrationResult result, MigrationProfile profile) {
    }

    /**
     * Creates the data checks of the chain the databases are bound to, on their server, with their time limit.
     *
     * @param databases the databases of the chain under test, as the extension makes them for a test class
     */
    public DataChecks(MigrationDatabases databases) {
        this.source = Objects.requireNonNull(databases, "databases");
        this.databases = DatabaseFactory.on(databases.server());
        this.chain = databases.chain();
        this.migrationTimeout = databases.settings().migrationTimeout();
    }

    /** The chain's versioned migrations, in order: those the check applies one by one. */
    public List<Migration> migrations() {
        return databases.templates().migrations(chain).stream().filter(m -> !m.isRepeatable()).toList();
    }

    /**
     * Applies the migration to its populated state and checks the outcome: it succeeds (or fails with the
     * diagnosis {@code settings} expects of it) and keeps the lock budget.
     *
     * @return the migration's profile
     * @throws AssertionError naming the migration, the failure with its diagnosis and evidence, or each budget
     *     violation with the table, lock, duration and the safer pattern
     */
    public MigrationProfile appliesToData(Migration migration, DataSettings settings) {
        Measured measured = measure(migration, settings);
        MigrationResult result = measured.result();
        Optional<Diagnosis> expected = settings.expectedFailure(migration.id());
        if (expected.isPresent()) {
            if (!result.failure().flatMap(f -> f.diagnosis()).equals(expected)) {
                throw new AssertionError("Expected " + migration.displayName() + " to fail on a populated database with"
                        + " diagnosis " + expected.get() + ", but it " + result.describe());
            }
            return measured.profile();
        }
        if (!result.succeeded()) {
            throw new AssertionError(migration.displayName() + " fails on a populated database (the chain before it"
                    + " applied, every table filled with generated rows).\nIt " + result.describe()
                    + "\nDeclare it with expectFailure(\"" + migration.id() + "\", Diagnosis.<cause>) only if"
                    + " production cannot hold such rows.");
        }
        List<String> violations = settings.budget().map(b -> Violations.of(measured.profile(), b)).orElse(List.of());
        if (!violations.isEmpty()) {
            throw new AssertionError(migration.displayName() + " exceeds the lock budget on a populated database:\n"
                    + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        }
        return measured.profile();
    }

    /** The profiles of every versioned migration, each applied to its populated state (measured once per JVM). */
    public ChainProfile profile(DataSettings settings) {
        List<MigrationProfile> profiles = new ArrayList<>();
        for (Migration migration : migrations()) {
            profiles.add(measure(migration, settings).profile());
        }
        return new ChainProfile(chain.description(), databases.server().describe(), profiles);
    }

    /** Describes a profile in a few lines: locks, rewrites, probe waits, lost rows. */
    public static String describe(MigrationProfile profile) {
        StringBuilder text = new StringBuilder(profile.displayName()).append(": ")
                .append(profile.duration().toMillis()).append(" ms");
        profile.locks().stream().filter(l -> l.kind().equals("table")).map(LockHold::describe)
                .forEach(l -> text.append("\n  lock ").append(l));
        profile.rewrites().stream().map(Rewrite::describe).forEach(r -> text.append("\n  ").append(r));
        profile.probes().forEach(p -> text.append("\n  ").append(p.probe().name().toLowerCase()).append(" probe on ")
                .append(p.table()).append(" waited up to ").append(p.longest().toMillis()).append(" ms"));
        profile.rows().stream().filter(RowCount::lostRows).forEach(r -> text.append("\n  ").append(r.table())
                .append(": ").append(r.before()).append(" rows before, ").append(r.after() < 0 ? "dropped"
                        : r.after() + " after"));
        return text.toString();
    }

    private Measured measure(Migration migration, DataSettings settings) {
        PopulatedStates states = new PopulatedStates(source, settings);
        int index = databases.templates().migrations(chain).indexOf(migration);
        if (index < 0) {
            throw new IllegalArgumentException(migration.displayName() + " is not a migration of the "
                    + chain.description());
        }
        String key = System.identityHashCode(databases) + "|" + databases.templates().fingerprint(chain) + "|"
                + settings.fingerprint() + "|" + migration.id();
        Measured measured = MEASURED.get(key);
        if (measured == null) {
            LockProfiler.Profiled profiled = DataRun.run(states, index, migration);
            measured = new Measured(profiled.result(), profiled.profile());
            MEASURED.put(key, measured);
        } else {
            io.github.migrationtest.scenarios.internal.data.ProfileLog.remember(measured.profile());
        }
        return measured;
    }
}
