package io.github.migrationtest.scenarios.checks;

import io.github.migrationtest.assertions.SchemaSnapshotAssert;
import io.github.migrationtest.assertions.internal.SnapshotFiles;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The standard checks of a migration chain, each on databases of its own, each throwing an
 * {@link AssertionError} that names the migration and shows the schema difference when it fails.
 *
 * <p>Every check starts from the template cache, so a state is built once and cloned: asking for
 * upgrades from every version in ascending order applies each migration once to build the states,
 * plus the migrations each upgrade itself runs.
 */
public final class ChainChecks {

    // The schema of a clean install, per chain fingerprint: every check class of a run compares with it.
    private static final Map<String, SchemaSnapshot> CLEAN_INSTALLS = new ConcurrentHashMap<>();
    private static final Map<String, Discovery> DISCOVERIES = new ConcurrentHashMap<>();

    private final MigrationDatabases databases;
    private final MigrationChain chain;

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
        try (MigrationDatabase db = empty()) {
            MigrationResult result = db.migrate();
            if (!result.succeeded()) {
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
        try (MigrationDatabase db = at(Optional.empty())) {
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
     * A database at {@code version} (the state after that migration) migrates to the head and ends
     * with the schema of a clean install.
     */
    public void upgradeFrom(Migration version) {
        try (MigrationDatabase db = at(Optional.of(chain.targetOf(version)))) {
            MigrationResult result = db.migrate();
            if (!result.succeeded()) {
                throw new AssertionError("Upgrading from " + version.displayName() + " to the head fails.\nIt "
                        + result.describe());
            }
            SchemaDiff diff = SchemaDiff.between(cleanInstallSchema(), SchemaSnapshot.of(db));
            if (!diff.isEmpty()) {
                throw new AssertionError("Upgrading from " + version.displayName() + " to the head ends with another"
                        + " schema than a clean install (expected: clean install, actual: upgrade):\n"
                        + indent(diff.describe()));
            }
        }
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
        try (MigrationDatabase db = at(Optional.of(target))) {
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
        return DISCOVERIES.computeIfAbsent(cleanInstallKey(), key -> Scenarios.discover(databases)).scenarios().stream()
                .filter(s -> s.state().kind() != BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED)
                .toList();
    }

    /**
     * The chain survives the scenario: from the database the scenario prepares, migrating to the head
     * succeeds. With {@code expected} given, it must instead fail with that diagnosis.
     */
    public void brokenState(Scenario scenario, Optional<Diagnosis> expected) {
        try (MigrationDatabase db = scenario.startAt().isPresent() ? at(scenario.startAt()) : empty()) {
            scenario.prepare(db);
            MigrationResult result = db.migrate();
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
     * Up, down, up: on a database just before {@code migration}, applying it, rolling it back and
     * applying it again ends, at each step, with the schema of the step before - rolling back leaves
     * nothing behind, re-applying works. Each step runs on its own connections.
     *
     * @throws NoRollbackException if the engine has no rollback for the migration
     */
    public void upDownUp(Migration migration) {
        List<Migration> migrations = migrations();
        int index = migrations.indexOf(migration);
        Optional<String> previous = index <= 0 ? Optional.empty() : Optional.of(chain.targetOf(migrations.get(index - 1)));
        try (MigrationDatabase db = previous.isPresent() ? at(previous) : empty()) {
            // An empty database's schema is cheap to read, and what it holds depends on the chain's preparation.
            SchemaSnapshot before = previous.isPresent() ? freshSnapshot(previous, db) : SchemaSnapshot.of(db);
            step(db.migrateTo(chain.targetOf(migration)), "Applying " + migration.displayName());
            SchemaSnapshot after = SchemaSnapshot.of(db);
            MigrationResult down = db.rollbackLast();
            if (down.failure().filter(f -> f.kind() == MigrationFailure.Kind.NO_ROLLBACK).isPresent()) {
                throw new NoRollbackException(down.failure().get().message());
            }
            step(down, "Rolling back " + migration.displayName());
            SchemaDiff leftBehind = SchemaDiff.between(before, SchemaSnapshot.of(db));
            if (!leftBehind.isEmpty()) {
                throw new AssertionError("Rolling back " + migration.displayName() + " does not restore the schema"
                        + " before it; left behind (expected: before the migration, actual: after its rollback):\n"
                        + indent(leftBehind.describe()));
            }
            step(db.migrateTo(chain.targetOf(migration)), "Applying " + migration.displayName() + " again after its"
                    + " rollback");
            SchemaDiff reapplied = SchemaDiff.between(after, SchemaSnapshot.of(db));
            if (!reapplied.isEmpty()) {
                throw new AssertionError("Applying " + migration.displayName() + " again after its rollback ends with"
                        + " another schema than applying it the first time:\n" + indent(reapplied.describe()));
            }
        }
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
        try (MigrationDatabase db = at(Optional.empty())) {
            SchemaSnapshot snapshot = SchemaSnapshot.of(db);
            if (SnapshotFiles.writeIfDue(file, snapshot.canonicalText(), db.settings().updateSnapshots(),
                    SnapshotFiles.Missing.WRITE_OUTSIDE_CI)) {
                return true;
            }
            new SchemaSnapshotAssert(snapshot, db.settings()).matchesSnapshot(file);
            return false;
        }
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
        DatabaseFactory factory = DatabaseFactory.on(databases.server());
        String template = factory.templates().templateAt(chain, version, databases.settings().migrationTimeout());
        return TemplateSnapshots.of(factory, template, SnapshotOptions.defaults(), () -> SchemaSnapshot.of(db));
    }

    SchemaSnapshot cleanInstallSchema() {
        SchemaSnapshot snapshot = CLEAN_INSTALLS.get(cleanInstallKey());
        if (snapshot == null) {
            cleanInstall();
            snapshot = CLEAN_INSTALLS.get(cleanInstallKey());
        }
        return snapshot;
    }

    private String cleanInstallKey() {
        PostgresServer server = databases.server();
        return server.describe() + "|" + DatabaseFactory.on(server).templates().fingerprint(chain);
    }

    static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
