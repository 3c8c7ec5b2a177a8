package io.github.migrationtest.scenarios.checks;

import io.github.migrationtest.assertions.SchemaSnapshotAssert;
import io.github.migrationtest.assertions.internal.SnapshotFiles;
import io.github.migrationtest.assertions.schema.SchemaChange;
import io.github.migrationtest.assertions.schema.SchemaDiff;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.TemplateBuildException;
import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.scenarios.BrokenState;
import io.github.migrationtest.scenarios.Discovery;
import io.github.migrationtest.scenarios.Scenario;
import io.github.migrationtest.scenarios.Scenarios;
import io.github.migrationtest.scenarios.internal.TemplateSnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The standard checks of a migration chain, each on databases of its own, each throwing an
 * {@link AssertionError} that names the migration and shows the schema difference when it fails.
 *
 * <p>Every check starts from the template cache, so a state is built once and cloned: asking for
 * upgrades from every version in ascending order applies each migration once to build the states,
 * plus the migrations each upgrade itself runs.
 *
 * <p>One cause, one failure: when a state cannot be built (a migration fails on the way, the preparation
 * fails), the first check that needs it fails with the whole failure and its diagnosis; every later check
 * of this instance that meets the same cause throws a {@link StateUnavailableException} of one line that
 * points to it.
 */
public final class ChainChecks {

    // The schema of a clean install, per chain fingerprint: every check class of a run compares with it.
    private static final Map<String, SchemaSnapshot> CLEAN_INSTALLS = new ConcurrentHashMap<>();
    private static final Map<String, Discovery> DISCOVERIES = new ConcurrentHashMap<>();

    private final MigrationDatabases databases;
    private final MigrationChain chain;
    // Causes of unbuildable states this instance reported in full, each with the check that reported it.
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private volatile MigrationResult failedCleanInstall;
    // The upgrade steps checked so far, by the target form of the migration each applies.
    private final Set<String> checkedSteps = ConcurrentHashMap.newKeySet();
    private final Object cleanInstallLock = new Object();
    private final SuiteRecorder recorder = new SuiteRecorder();

    /**
     * Creates the checks of the databases' chain, on their server, with their settings (the time limit of each
     * run, whether snapshot files are rewritten).
     *
     * @param databases the chain, server and settings
     */
    public ChainChecks(MigrationDatabases databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.chain = databases.chain();
    }

    /**
     * Runs one test of a check and counts it in the {@link #report()}: the migrations it executed, the
     * states it built, its time.
     *
     * @param check the check's name in the report, e.g. {@code upgrade from every version}
     * @param test the test
     */
    public void measure(String check, Runnable test) {
        recorder.measure(check, test);
    }

    /** What the checks measured so far did, and what they noticed without failing. */
    public SuiteReport report() {
        return recorder.report(chain.description(), "PostgreSQL " + databases.server().version() + " ("
                + databases.server().provider().settingValue() + ")");
    }

    /** Whether any check was measured, so that there is something to report. */
    public boolean measuredAny() {
        return !recorder.isEmpty();
    }

    /** The chain's migrations, in order. */
    public List<Migration> migrations() {
        return databases.migrations();
    }

    /** The chain being checked. */
    public MigrationChain chain() {
        return chain;
    }

    /** An empty database migrates to the head without failure, and the history records every migration. */
    public void cleanInstall() {
        try (MigrationDatabase db = state("clean install", Optional.empty(), false)) {
            MigrationResult result = db.migrate();
            if (!result.succeeded()) {
                failedCleanInstall = result;
                alreadyReported("clean install", causeOf(result), summaryOf(result)).ifPresent(e -> {
                    throw e;
                });
                throw new AssertionError("A clean install fails: the chain does not migrate an empty database.\n"
                        + "It " + result.describe());
            }
            List<String> recorded = db.history().stream().filter(HistoryEntry::success).map(HistoryEntry::id).toList();
            List<String> missing = migrations().stream().map(Migration::id).filter(id -> !recorded.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError("After a clean install the history does not record " + missing
                        + " as applied; it records " + recorded + ".");
            }
            CLEAN_INSTALLS.putIfAbsent(cleanInstallKey(), SchemaSnapshot.of(db));
        }
    }

    /** Migrating a database at the head again applies nothing and leaves the schema as it was. */
    public void rerunAppliesNothing() {
        try (MigrationDatabase db = state("rerun", Optional.empty(), true)) {
            SchemaSnapshot before = freshSnapshot(Optional.empty(), db);
            MigrationResult result = db.migrate();
            if (!result.succeeded() || !result.applied().isEmpty()) {
                throw new AssertionError("Migrating a database at the head again must apply nothing, but it "
                        + result.describe());
            }
            SchemaDiff diff = SchemaDiff.between(before, SchemaSnapshot.of(db));
            if (!diff.isEmpty()) {
                throw new AssertionError("Migrating a database at the head again applied nothing, yet changed the"
                        + " schema:\n" + indent(diff.describe()));
            }
        }
    }

    /**
     * Why this chain's upgrades are checked by a full engine run from each version rather than step by step
     * ({@link #upgradeFrom}); empty where step by step is exact. Asked once per chain and server.
     */
    public Optional<String> fullUpgradeReason() {
        return building("upgrade", () -> templates().stepwiseCaveat(chain));
    }

    /**
     * A database at {@code version} (the state after that migration) migrates to the head and ends
     * with the schema of a clean install.
     *
     * <p>Where the chain runs alike one migration at a time ({@link #fullUpgradeReason()} is empty), an upgrade
     * from version k passes through the states k+1, k+2, ... the template cache holds, each built from the one
     * before by one run: each of those steps is checked once (a step the cache did not build so is run on a
     * clone and compared with the state's schema), and the head those steps reach must have the schema of the
     * clean install, which ran the whole chain in one run. The upgrade from the oldest of the last ten
     * versions also runs to the head in one run, as a deploy does. Elsewhere every upgrade runs
     * to the head in one run.
     */
    public void upgradeFrom(Migration version) {
        if (fullUpgradeReason().isPresent()) {
            fullUpgradeFrom(version);
            return;
        }
        SchemaSnapshot cleanInstall = cleanInstallSchema();
        List<Migration> versions = migrations();
        // The start first, so that the states after it are built from it one migration at a time.
        templateAt(Optional.of(chain.targetOf(version)), "upgrade from " + version.displayName());
        for (int step = versions.indexOf(version); step < versions.size() - 1; step++) {
            checkStep(versions.get(step), versions.get(step + 1));
        }
        SchemaSnapshot head = snapshotAt(Optional.empty(), "upgrade from " + version.displayName());
        SchemaDiff diff = SchemaDiff.between(cleanInstall, head);
        if (!diff.isEmpty()) {
            String summary = "upgrading step by step ends with another schema than a clean install";
            alreadyReported("upgrade from " + version.displayName(), "upgrade steps|head", summary).ifPresent(e -> {
                throw e;
            });
            throw unlikeCleanInstall(version, diff, "\nThe upgrade ran one migration per engine run; a clean install"
                    + " runs them all in one. A migration that depends on the database it runs in, or on what the run"
                    + " before it left in the session, ends differently.");
        }
        if (version.equals(fullUpgradeStart())) {
            fullUpgradeFrom(version);
        }
    }

    /**
     * Where the step-by-step upgrade check also runs one full upgrade: from the oldest of the last ten versions
     * (a state production databases are likely in), a run of at most ten migrations from a recorded history.
     */
    Migration fullUpgradeStart() {
        List<Migration> versions = migrations();
        return versions.get(Math.max(0, versions.size() - 1 - 10));
    }

    /** A database at {@code version} migrates to the head in one run and ends like a clean install. */
    private void fullUpgradeFrom(Migration version) {
        SchemaSnapshot cleanInstall = cleanInstallSchema();
        try (MigrationDatabase db = state("upgrade from " + version.displayName(),
                Optional.of(chain.targetOf(version)), true)) {
            MigrationResult result = db.migrate();
            if (!result.succeeded()) {
                throw new AssertionError("Upgrading from " + version.displayName() + " to the head fails.\nIt "
                        + result.describe());
            }
            SchemaDiff diff = SchemaDiff.between(cleanInstall, SchemaSnapshot.of(db));
            if (!diff.isEmpty()) {
                throw unlikeCleanInstall(version, diff, "");
            }
        }
    }

    private static AssertionError unlikeCleanInstall(Migration version, SchemaDiff diff, String why) {
        return new AssertionError("Upgrading from " + version.displayName() + " to the head ends with another schema"
                + " than a clean install (expected: clean install, actual: upgrade):\n" + indent(diff.describe()) + why);
    }

    /**
     * One step of an upgrade, checked once: the state after {@code next} is the state after {@code current}
     * with {@code next} applied by one run. Where the template cache built it so, its build is that step;
     * otherwise (built from further below) the step runs on a clone and must end with that state's schema.
     */
    private void checkStep(Migration current, Migration next) {
        String step = chain.targetOf(next);
        if (checkedSteps.contains(step)) {
            return;
        }
        String check = "upgrade from " + current.displayName();
        Optional<String> target = Optional.of(step);
        templateAt(target, check);
        boolean builtByThisStep = templates().buildOf(chain, target)
                .filter(build -> build.from().map(chain::targetOf).equals(Optional.of(chain.targetOf(current))))
                .filter(build -> build.applied().stream().map(chain::targetOf).toList().equals(List.of(step)))
                .isPresent();
        if (!builtByThisStep) {
            try (MigrationDatabase db = state(check, Optional.of(chain.targetOf(current)), true)) {
                MigrationResult result = db.migrateTo(chain.targetOf(next));
                if (!result.succeeded() || !result.applied().stream().map(chain::targetOf).toList()
                        .equals(List.of(step))) {
                    throw new AssertionError("Upgrading from " + current.displayName() + " must apply "
                            + next.displayName() + " next, but it " + result.describe());
                }
                SchemaDiff diff = SchemaDiff.between(snapshotAt(target, check), SchemaSnapshot.of(db));
                if (!diff.isEmpty()) {
                    throw new AssertionError("Applying " + next.displayName() + " to the state after "
                            + current.displayName() + " ends with another schema than the state after it that the"
                            + " cache holds (expected: cached state, actual: this step):\n" + indent(diff.describe()));
                }
            }
        }
        checkedSteps.add(step);
    }

    /**
     * Replay: on a database where {@code migration} ran but is not recorded (a deploy that applied it and
     * lost its record, or was killed before recording it), running it again succeeds and leaves the
     * schema as it was - as a clean install has it after that migration. The migration is safe to run
     * again. Only the migration itself runs again: the states after it follow from its schema.
     */
    public void replayUnrecorded(Migration migration) {
        replayUnrecorded(migration, Optional.empty());
    }

    /**
     * Replay, as {@link #replayUnrecorded(Migration)}, or, with {@code expected} given, the replay must
     * fail with that diagnosis (a migration known not to be safe to run again, whose failure must at
     * least be recognised).
     */
    public void replayUnrecorded(Migration migration, Optional<Diagnosis> expected) {
        String target = chain.targetOf(migration);
        try (MigrationDatabase db = state("replay of " + migration.displayName(), Optional.of(target), true)) {
            SchemaSnapshot ranOnce = freshSnapshot(Optional.of(target), db);
            chain.engineHistory().forget(db.dataSource(), migration);
            MigrationResult result = db.migrateTo(target);
            if (expected.isPresent()) {
                if (!result.failure().flatMap(f -> f.diagnosis()).equals(expected)) {
                    throw new AssertionError("Expected running " + migration.displayName() + " again where it ran but"
                            + " is not recorded to fail with diagnosis " + expected.get() + ", but it "
                            + result.describe());
                }
                return;
            }
            if (!result.succeeded()) {
                throw new AssertionError(migration.displayName() + " is not safe to run again: where it ran but is not"
                        + " recorded, migrating again fails.\nIt " + result.describe());
            }
            SchemaDiff diff = SchemaDiff.between(ranOnce, SchemaSnapshot.of(db));
            if (!diff.isEmpty()) {
                throw new AssertionError("Running " + migration.displayName() + " again where it ran but is not"
                        + " recorded changes the schema it left the first time (expected: run once, actual: run"
                        + " twice):\n" + indent(diff.describe()));
            }
        }
    }

    /**
     * The broken states discovery offers for the chain (observed once per chain and server), except
     * "objects present but unrecorded", which {@link #replayUnrecorded} covers for every migration.
     */
    public List<Scenario> discoveredScenarios() {
        return building("discovery", () -> DISCOVERIES.computeIfAbsent(cleanInstallKey(), key ->
                Scenarios.discover(databases))).scenarios().stream()
                .filter(s -> s.state().kind() != BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED)
                .toList();
    }

    /**
     * The broken states discovery finds for some of the chain's migrations, as {@link #discoveredScenarios()}
     * does for all: only the states around those migrations are built.
     *
     * @param only the migrations whose broken states are wanted
     */
    public List<Scenario> discoveredScenarios(List<Migration> only) {
        if (only.containsAll(migrations())) {
            return discoveredScenarios();
        }
        String key = cleanInstallKey() + "|" + only.stream().map(Migration::id).collect(Collectors.joining(","));
        return building("discovery", () -> DISCOVERIES.computeIfAbsent(key, k ->
                Scenarios.discover(databases, only))).scenarios().stream()
                .filter(s -> s.state().kind() != BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED)
                .toList();
    }

    /**
     * The migration survives the scenario: from the database the scenario prepares, migrating up to and
     * including the scenario's migration succeeds. With {@code expected} given, it must instead fail with
     * that diagnosis. The run stops at the migration the state is about: a state seeded before migration k
     * tests k, and a run on to the head would make the check cost the rest of the chain for each state -
     * quadratic in the chain's length, for failures that are the migrations' own, found by their own states.
     */
    public void brokenState(Scenario scenario, Optional<Diagnosis> expected) {
        try (MigrationDatabase db = state(scenario.name(), scenario.startAt(), scenario.startAt().isPresent())) {
            scenario.prepare(db);
            Migration migration = scenario.migration();
            MigrationResult result = migration.isRepeatable() ? db.migrate() : db.migrateTo(chain.targetOf(migration));
            if (expected.isEmpty() && !result.succeeded()) {
                throw new AssertionError("The chain does not survive " + scenario.name() + " ("
                        + scenario.state().description() + ").\nIt " + result.describe() + "\nA resilient chain: "
                        + scenario.state().resilience());
            }
            if (expected.isPresent() && !result.failure().flatMap(f -> f.diagnosis()).equals(expected)) {
                throw new AssertionError("Expected " + scenario.name() + " to make the chain fail with diagnosis "
                        + expected.get() + ", but it " + result.describe());
            }
        }
    }

    /**
     * Up, down, up: the state after {@code migration} is the cached state before it with the migration applied;
     * rolling it back must restore the schema before it (leaving nothing behind), and applying it again must
     * end with the schema it had after the first time. The two schemas to compare with are the cached states'
     * own, read once per state; the check itself runs the rollback and the second apply.
     *
     * @throws NoRollbackException if the engine has no rollback for the migration
     */
    public void upDownUp(Migration migration) {
        List<Migration> migrations = migrations();
        int index = migrations.indexOf(migration);
        String check = "up-down-up of " + migration.displayName();
        Optional<String> previous = index <= 0 ? Optional.empty() : Optional.of(chain.targetOf(migrations.get(index - 1)));
        Optional<String> at = Optional.of(chain.targetOf(migration));
        SchemaSnapshot before = previous.isPresent() ? snapshotAt(previous, check) : emptySnapshot(check);
        // Up: the cached state after the migration is the state before it with the migration applied by one run.
        MigrationDatabase clone;
        try {
            clone = state(check, at, true);
        } catch (TemplateBuildException e) {
            throw new AssertionError("Applying " + migration.displayName() + " fails.\nIt " + e.result().describe());
        }
        try (MigrationDatabase db = clone) {
            SchemaSnapshot after = freshSnapshot(at, db);
            MigrationResult down = db.rollbackLast();
            if (down.failure().filter(f -> f.kind() == MigrationFailure.Kind.NO_ROLLBACK).isPresent()) {
                throw new NoRollbackException(down.failure().get().message());
            }
            step(down, "Rolling back " + migration.displayName());
            List<SchemaChange> leftBehind = withoutColumnOrder(SchemaDiff.between(before, SchemaSnapshot.of(db)),
                    migration, "rolling it back");
            if (!leftBehind.isEmpty()) {
                throw new AssertionError("Rolling back " + migration.displayName() + " does not restore the schema"
                        + " before it; left behind (expected: before the migration, actual: after its rollback):\n"
                        + indent(describe(leftBehind)));
            }
            step(db.migrateTo(chain.targetOf(migration)), "Applying " + migration.displayName() + " again after its"
                    + " rollback");
            List<SchemaChange> reapplied = withoutColumnOrder(SchemaDiff.between(after, SchemaSnapshot.of(db)),
                    migration, "applying it again after its rollback");
            if (!reapplied.isEmpty()) {
                throw new AssertionError("Applying " + migration.displayName() + " again after its rollback ends with"
                        + " another schema than applying it the first time:\n" + indent(describe(reapplied)));
            }
        }
    }

    /**
     * The changes other than column order, which a round trip cannot keep: a rollback that re-adds a dropped
     * column can only add it at the end (PostgreSQL has no column positions to restore). Column order is
     * reported in the {@link #report()} instead; schema drift keeps comparing it.
     */
    private List<SchemaChange> withoutColumnOrder(SchemaDiff diff, Migration migration, String step) {
        List<SchemaChange> others = new java.util.ArrayList<>();
        for (SchemaChange change : diff.changes()) {
            if (change.attribute().filter("column order"::equals).isPresent()) {
                recorder.note("up-down-up of " + migration.displayName() + ": " + step + " changes the column order"
                        + " of " + change.subject() + " from (" + change.before().orElse("") + ") to ("
                        + change.after().orElse("") + "); PostgreSQL adds a column at the end, so a rollback cannot"
                        + " restore its position. Not a failure; the schema drift check still compares it.");
            } else {
                others.add(change);
            }
        }
        return others;
    }

    private static String describe(List<SchemaChange> changes) {
        return changes.stream().map(SchemaChange::describe).collect(Collectors.joining("\n"));
    }

    private void step(MigrationResult result, String what) {
        if (!result.succeeded()) {
            throw new AssertionError(what + " fails.\nIt " + result.describe());
        }
    }

    /**
     * The schema at the head equals the committed canonical file; with
     * {@code migrationtest.update-snapshots=true} in the settings the file is written instead. A file that does not
     * exist yet is written on the first run, so that a new suite starts green - except where the
     * environment variable {@code CI} is {@code true}: there a missing file fails, since a file
     * written in a CI workspace would never be compared with anything.
     *
     * @return whether the file was written rather than compared
     */
    public boolean matchesSnapshot(Path file) {
        try (MigrationDatabase db = state("schema drift", Optional.empty(), true)) {
            SchemaSnapshot snapshot = SchemaSnapshot.of(db);
            if (SnapshotFiles.writeIfDue(file, snapshot.canonicalText(), db.settings().updateSnapshots(),
                    SnapshotFiles.Missing.WRITE_OUTSIDE_CI)) {
                return true;
            }
            new SchemaSnapshotAssert(snapshot, db.settings()).matchesSnapshot(file);
            return false;
        }
    }

    /** The template cache the checks build their states in. */
    private TemplateCache templates() {
        return DatabaseFactory.on(databases.server()).templates();
    }

    /** A new empty database with the chain bound; the caller closes it. */
    MigrationDatabase empty() {
        return databases.empty();
    }

    /** A clone of the cached state after {@code version} (the head when empty); the caller closes it. */
    MigrationDatabase at(Optional<String> version) {
        return databases.at(version);
    }

    /**
     * The schema of {@code db}, a clone of the state after {@code version} that nothing has changed yet:
     * the template's snapshot, read from the first such clone only.
     */
    private SchemaSnapshot freshSnapshot(Optional<String> version, MigrationDatabase db) {
        return snapshotOf(templates().templateAt(chain, version, databases.settings().migrationTimeout()),
                () -> SchemaSnapshot.of(db));
    }

    /** The schema of the cached state after {@code version} (the head when empty), read once from a clone of it. */
    private SchemaSnapshot snapshotAt(Optional<String> version, String check) {
        return snapshotOf(templateAt(version, check), () -> {
            try (MigrationDatabase db = state(check, version, true)) {
                return SchemaSnapshot.of(db);
            }
        });
    }

    /** The schema of the state before the first migration (the chain's preparation, if any), read once. */
    private SchemaSnapshot emptySnapshot(String check) {
        return snapshotOf(building(check, () -> templates().emptyTemplate(chain)), () -> {
            try (MigrationDatabase db = state(check, Optional.empty(), false)) {
                return SchemaSnapshot.of(db);
            }
        });
    }

    /** A template's schema, {@code read} from a fresh clone of it the first time (templates never change). */
    private SchemaSnapshot snapshotOf(String template, Supplier<SchemaSnapshot> read) {
        return TemplateSnapshots.of(DatabaseFactory.on(databases.server()), template, SnapshotOptions.defaults(), read);
    }

    /** The template of the state after {@code version} (the head when empty), built for {@code check} if needed. */
    private String templateAt(Optional<String> version, String check) {
        return building(check, () -> templates().templateAt(chain, version, databases.settings().migrationTimeout()));
    }

    /**
     * A database for a check: a clone of the state after {@code version} (the head when empty) if
     * {@code migrated}, else an empty one; with the cause reported once if the state cannot be built.
     */
    private MigrationDatabase state(String check, Optional<String> version, boolean migrated) {
        return building(check, () -> migrated ? at(version) : empty());
    }

    /** Runs work that builds states, turning a cause this instance reported already into one line. */
    private <T> T building(String check, Supplier<T> work) {
        try {
            return work.get();
        } catch (TemplateBuildException e) {
            throw alreadyReported(check, causeOf(e.result()), summaryOf(e.result())).orElseThrow(() -> e);
        } catch (StateUnavailableException | MigrationTestConfigurationException e) {
            throw e;
        } catch (MigrationTestException e) {
            String cause = e.getMessage().lines().findFirst().orElse("");
            throw alreadyReported(check, cause, cause).orElseThrow(() -> e);
        }
    }

    /**
     * The one line to abort with if this instance reported {@code cause} already; empty (and the cause now
     * counted as reported by {@code check}) for the first.
     */
    private Optional<StateUnavailableException> alreadyReported(String check, String cause, String summary) {
        String first = reported.putIfAbsent(cause, check);
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new StateUnavailableException("Not run: the state it starts from cannot be built - "
                + summary + ". Reported in full, with its diagnosis, by the check " + first + "."));
    }

    private static String causeOf(MigrationResult result) {
        return result.failure().map(f -> f.migration().map(Migration::id).orElse("") + "|" + f.sqlState().orElse("")
                + "|" + f.message()).orElse("");
    }

    private static String summaryOf(MigrationResult result) {
        return result.failure().map(f -> f.migration().map(m -> "migration " + m.displayName() + " fails")
                .orElse("the engine refuses to migrate") + " (" + f.sqlState().map(st -> "ERROR " + st + ": ").orElse("")
                + f.message().lines().findFirst().orElse("") + ")"
                + f.diagnosis().map(d -> ", diagnosis " + d).orElse("")).orElse("the run fails");
    }

    SchemaSnapshot cleanInstallSchema() {
        SchemaSnapshot cached = CLEAN_INSTALLS.get(cleanInstallKey());
        if (cached != null) {
            return cached;
        }
        // Tests running side by side (JUnit's parallel execution) would each run the whole chain: one does.
        synchronized (cleanInstallLock) {
            SchemaSnapshot snapshot = CLEAN_INSTALLS.get(cleanInstallKey());
            MigrationResult failed = failedCleanInstall;
            if (snapshot == null && failed != null) {
                // Reported by the clean install already: a second run of the whole chain would only fail alike.
                alreadyReported("clean install", causeOf(failed), summaryOf(failed)).ifPresent(e -> {
                    throw e;
                });
            }
            if (snapshot == null) {
                cleanInstall();
                snapshot = CLEAN_INSTALLS.get(cleanInstallKey());
            }
            return snapshot;
        }
    }

    private String cleanInstallKey() {
        PostgresServer server = databases.server();
        return server.describe() + "|" + DatabaseFactory.on(server).templates().fingerprint(chain);
    }

    static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
