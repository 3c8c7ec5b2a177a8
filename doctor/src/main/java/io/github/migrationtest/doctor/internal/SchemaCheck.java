package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.assertions.schema.SchemaChange;
import io.github.migrationtest.assertions.schema.SchemaDiff;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.TemplateBuildException;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.doctor.DoctorFinding;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live schema against the chain's: objects that pending migrations create and the live database already
 * has, and drift from the schema the chain makes at the recorded version.
 */
public final class SchemaCheck {

    private static final int LISTED = 5;

    private SchemaCheck() {
    }

    /** The findings for a live schema, given the history check's result. */
    public static List<DoctorFinding> check(MigrationChain chain, List<Migration> migrations, HistoryCheck.Result history,
            ChainStates states, SchemaSnapshot live) {
        List<DoctorFinding> findings = new ArrayList<>();
        try {
            compare(chain, migrations, history, states, live, findings);
        } catch (TemplateBuildException e) {
            findings.add(new DoctorFinding(Kind.CHAIN_FAILS, "chain", "The chain fails on an empty database, so the"
                    + " doctor cannot derive its schema beyond that point, and a deploy meets the same failure: "
                    + e.getMessage(), "Fix the migration that fails (the diagnosis above says how), and test the"
                    + " chain with @MigrationTest before the deploy."));
        }
        return findings;
    }

    private static void compare(MigrationChain chain, List<Migration> migrations, HistoryCheck.Result history,
            ChainStates states, SchemaSnapshot live, List<DoctorFinding> findings) {
        Engine engine = chain.kind();
        SchemaDiff drift = SchemaDiff.between(states.at(history.recordedIndex()), live);
        Set<String> liveOnly = drift.changes().stream().filter(c -> c.type() == SchemaChange.Type.ADDED)
                .map(SchemaChange::subject).collect(Collectors.toCollection(LinkedHashSet::new));
        if (history.recordedIndex() < 0 && !liveOnly.isEmpty()) {
            findings.add(objectsWithoutHistory(engine, chain, migrations, liveOnly));
        }
        Set<String> explained = new LinkedHashSet<>();
        for (int index : history.pending()) {
            // Both against the chain just before the migration: the live database and what the migration adds
            // are then named alike, also for a migration that sorts below the applied ones.
            SchemaSnapshot before = states.at(index - 1);
            Set<String> inLive = added(SchemaDiff.between(before, live));
            List<String> present = added(SchemaDiff.between(before, states.at(index))).stream()
                    .filter(inLive::contains).toList();
            if (!present.isEmpty()) {
                findings.add(alreadyExists(engine, migrations.get(index), present));
                explained.addAll(present);
            }
        }
        if (history.recordedIndex() >= 0) {
            for (SchemaChange change : drift.changes()) {
                if (!explained.contains(change.subject())) {
                    findings.add(drift(change, migrations.get(history.recordedIndex())));
                }
            }
        }
    }

    private static Set<String> added(SchemaDiff diff) {
        return diff.changes().stream().filter(c -> c.type() == SchemaChange.Type.ADDED).map(SchemaChange::subject)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static DoctorFinding objectsWithoutHistory(Engine engine, MigrationChain chain, List<Migration> migrations,
            Set<String> objects) {
        String first = migrations.isEmpty() ? "the first migration" : migrations.get(0).displayName();
        String fix = engine == Engine.FLYWAY
                ? "Baseline the database once: `flyway baseline -baselineVersion=<the last migration its schema matches>`"
                        + " (or deploy with flyway.baselineOnMigrate=true and flyway.baselineVersion), so that only the"
                        + " migrations after it run; or make the first migration an idempotent baseline"
                        + " (CREATE TABLE IF NOT EXISTS ..., types in DO blocks)."
                : "Mark the changesets the schema already has as run: `liquibase changelog-sync-to-sql` to review,"
                        + " then `liquibase changelog-sync --tag=<that changeset>`; or add preconditions"
                        + " (tableExists with onFail=MARK_RAN) to the first changesets.";
        return new DoctorFinding(Kind.OBJECTS_WITHOUT_HISTORY, "history table " + chain.engineHistory().table(),
                "The database has " + objects.size() + " objects (" + listed(objects) + ") but no history: the"
                        + " engine takes it for an empty database and starts with " + first + ", which fails on"
                        + " the first object it creates (\"relation ... already exists\", 42P07).", fix);
    }

    private static DoctorFinding alreadyExists(Engine engine, Migration migration, List<String> present) {
        String record = engine == Engine.FLYWAY
                ? "record it as applied (INSERT INTO flyway_schema_history a success row for version "
                        + migration.id() + " with its checksum " + migration.checksum().orElse("NULL")
                        + ", or `flyway migrate` with a baseline at " + migration.id() + ")"
                : "mark it as run (`liquibase changelog-sync` up to it)";
        return new DoctorFinding(Kind.OBJECT_ALREADY_EXISTS, "migration " + migration.id(), "Pending "
                + migration.displayName() + " creates " + listed(present) + ", which the live database already has:"
                + " it ran (or partly ran) without being recorded, or someone created the objects by hand. The deploy"
                + " fails on the first of them (\"already exists\", 42710/42P07).", "If the live objects are what "
                + migration.id() + " creates, " + record + "; otherwise make the migration idempotent"
                + " (IF NOT EXISTS; CREATE TYPE in a DO block that checks pg_type) and decide which definition wins.");
    }

    private static DoctorFinding drift(SchemaChange change, Migration recorded) {
        String where = switch (change.type()) {
            case ADDED -> "is in the live database but the chain does not create it by " + recorded.id();
            case REMOVED -> "is created by the chain by " + recorded.id() + " but missing from the live database";
            case CHANGED -> "differs between the chain at " + recorded.id() + " and the live database";
        };
        return new DoctorFinding(Kind.DRIFT, change.subject(), change.describe() + " — the object " + where
                + "; later migrations were tested against the chain's schema, not this one.",
                "If production is right, add a migration that makes the chain agree (and test it from this dump); if"
                        + " the chain is right, revert the change on production before deploying.");
    }

    private static String listed(Iterable<String> subjects) {
        List<String> all = new ArrayList<>();
        subjects.forEach(all::add);
        String shown = all.stream().limit(LISTED).collect(Collectors.joining(", "));
        return all.size() > LISTED ? shown + " and " + (all.size() - LISTED) + " more" : shown;
    }
}
