package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.DatabaseSeed;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A way a real database differs from the one a migration chain assumes, and how to put a test's database
 * into it: {@code db.seed(BrokenStates.enumCreatedButUnrecorded("2"))}.
 *
 * <p>Each state has a {@link Kind}, which tells the incident it models, what a resilient chain does about
 * it, and the {@link Diagnosis} a chain that is not resilient fails with. {@link BrokenStates} has the
 * catalog. States compose: {@code partiallyApplied("3", 1).and(failedMigrationRecorded("3"))} is what a
 * non-transactional migration that failed half way leaves.
 *
 * <p>A state is a value: it can be applied to any number of databases. Applying it never runs the chain
 * past what the state says; put the database where the state belongs first ({@code db.migrateTo("41")}
 * or {@code @At("41")}).
 */
public final class BrokenState implements DatabaseSeed {

    /** The kinds of broken states: the incidents they model. */
    public enum Kind {

        /** An enum type exists while the migration that creates it is not recorded. */
        ENUM_CREATED_BUT_UNRECORDED(Diagnosis.OBJECT_EXISTS_UNRECORDED,
                "A deploy created the enum and then failed or lost its record, or two migrations create the same"
                        + " enum; the next deploy fails with 'type ... already exists' and the service does not start.",
                "Creates the type only where it is missing (a DO block that checks pg_type: PostgreSQL has no"
                        + " CREATE TYPE IF NOT EXISTS)."),

        /** A column a later migration casts to an enum holds values that are not labels of the enum. */
        VALUES_OUTSIDE_ENUM(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS,
                "Production rows hold legacy or misspelled values ('default', 'Fintech ') that no label matches;"
                        + " the cast that passes on an empty database fails there with 'invalid input value for enum'.",
                "Maps or cleans the values in the same migration, before the cast (UPDATE ... WHERE col NOT IN"
                        + " (labels), or a CASE in the USING clause)."),

        /** A schema the migration uses does not exist. */
        MISSING_SCHEMA(Diagnosis.MISSING_SCHEMA,
                "The migration assumes a schema another system provides (auth on a hosted platform); where it is"
                        + " missing, the migration fails with 'schema ... does not exist'.",
                "Creates the schema it needs, or guards the statements that use a schema it does not own"
                        + " (IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ...))."),

        /** Objects a migration creates exist while the migration is not recorded. */
        OBJECTS_PRESENT_BUT_UNRECORDED(Diagnosis.OBJECT_EXISTS_UNRECORDED,
                "Tables were created outside the chain (by hand, by another tool, by an earlier baseline), or a run"
                        + " created them without being recorded; the chain's first CREATE fails with 'already exists'"
                        + " and every later migration never runs.",
                "Creates with IF NOT EXISTS and adds later columns with ADD COLUMN IF NOT EXISTS, so that it"
                        + " completes whatever part of the schema is missing."),

        /** The first statements of a migration ran, the rest did not, and the migration is not recorded. */
        PARTIALLY_APPLIED(Diagnosis.OBJECT_EXISTS_UNRECORDED,
                "A migration that runs outside a transaction (CREATE INDEX CONCURRENTLY, a script run by hand) stopped"
                        + " half way; rerunning it fails on the first statement that already took effect.",
                "Makes every statement safe to repeat, so that a rerun completes what the first run left."),

        /** The history records a failed migration. */
        FAILED_MIGRATION_RECORDED(Diagnosis.FAILED_MIGRATION_RECORDED,
                "A non-transactional migration failed and the engine recorded the failure; every later deploy stops"
                        + " at validation until someone repairs the history.",
                "The deployment repairs the history (flyway repair) before migrating, and the migration is safe to"
                        + " rerun over its own partial work."),

        /** The history records a migration the chain does not have. */
        RECORDED_BUT_MISSING(Diagnosis.APPLIED_MIGRATION_MISSING,
                "The database was migrated from another branch or a release that was rolled back; the history has a"
                        + " migration the deployed chain lacks, and validation fails.",
                "Restores the migration, or tells the engine the removal is intended"
                        + " (flyway.ignoreMigrationPatterns=*:missing, flyway repair)."),

        /** The recorded checksum of an applied migration differs from the chain's. */
        CHECKSUM_MISMATCH(Diagnosis.CHECKSUM_MISMATCH,
                "Someone edited a migration after it was applied (to 'fix' a baseline); databases that ran the old"
                        + " text fail validation with a checksum mismatch.",
                "Never edits applied migrations (the change goes into a new one); where an edit is harmless, the"
                        + " deployment realigns the checksum (flyway repair)."),

        /** An invalid index, left by a failed CREATE INDEX CONCURRENTLY, has the name a migration creates. */
        INVALID_INDEX(Diagnosis.INVALID_INDEX_EXISTS,
                "CREATE INDEX CONCURRENTLY failed (duplicates, a deadlock, a cancelled deploy) and left an invalid"
                        + " index; the retry fails with 'already exists', or, with IF NOT EXISTS, keeps the invalid"
                        + " index that queries never use.",
                "Drops the index if it is there (DROP INDEX CONCURRENTLY IF EXISTS) and creates it again, outside a"
                        + " transaction."),

        /** An enum label a migration adds is present already. */
        ENUM_LABEL_PRESENT(Diagnosis.ENUM_LABEL_EXISTS,
                "A label was added by hand as a hotfix, or by a run that was not recorded; ALTER TYPE ... ADD VALUE"
                        + " fails with 'enum label ... already exists', and catching that error aborts the"
                        + " transaction.",
                "Uses ALTER TYPE ... ADD VALUE IF NOT EXISTS."),

        /** The engine's migration lock is held by a session that does not let go. */
        MIGRATION_LOCK_HELD(Diagnosis.MIGRATION_LOCK_HELD,
                "A migrator hung or its process died while holding the migration lock (Flyway's advisory lock in an"
                        + " open transaction, Liquibase's lock row); every later deploy waits for it and times out.",
                "Bounds the wait (flyway.lockRetryCount, the time limit of the deploy), and the server ends sessions"
                        + " that sit idle in a transaction (idle_in_transaction_session_timeout), which frees an"
                        + " advisory lock; a Liquibase lock row must be released (liquibase release-locks)."),

        /** Several states at once. */
        COMBINED(null, "Several of the other states at once, as real incidents often are.",
                "Survives each of them.");

        private final Diagnosis diagnosis;
        private final String incident;
        private final String resilience;

        Kind(Diagnosis diagnosis, String incident, String resilience) {
            this.diagnosis = diagnosis;
            this.incident = incident;
            this.resilience = resilience;
        }

        /** The diagnosis a chain that is not resilient to the state fails with; empty for {@link #COMBINED}. */
        public Optional<Diagnosis> diagnosis() {
            return Optional.ofNullable(diagnosis);
        }

        /** The real incident the state models. */
        public String incident() {
            return incident;
        }

        /** What a chain resilient to the state does about it. */
        public String resilience() {
            return resilience;
        }
    }

    private final Kind kind;
    private final String name;
    private final String description;
    private final Function<MigrationDatabase, Seeded> seed;
    private final List<BrokenState> parts;

    private BrokenState(Kind kind, String name, String description, Function<MigrationDatabase, Seeded> seed,
            List<BrokenState> parts) {
        this.kind = kind;
        this.name = name;
        this.description = description;
        this.seed = seed;
        this.parts = parts;
    }

    /**
     * A state of the catalog, or one a project defines for an incident of its own.
     *
     * @param kind the incident it models
     * @param name a short name, e.g. {@code enum created but unrecorded: platformtype}
     * @param description what applying it does to the database, in one sentence
     * @param seed puts a database into the state; returns what the state keeps open, or {@link Seeded#NOTHING}
     */
    public static BrokenState of(Kind kind, String name, String description, Function<MigrationDatabase, Seeded> seed) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(seed, "seed");
        return new BrokenState(kind, name, description, seed, List.of());
    }

    /** The incident the state models. */
    public Kind kind() {
        return kind;
    }

    /** A short name for test names and messages. */
    public String name() {
        return name;
    }

    /** What applying the state does to a database, e.g. {@code creates enum public.platformtype ('meta_ads', 'tiktok_ads')}. */
    public String description() {
        return description;
    }

    /** The real incident the state models (the kind's). */
    public String incident() {
        return kind.incident();
    }

    /** What a chain resilient to the state does about it (the kind's). */
    public String resilience() {
        return kind.resilience();
    }

    /** The diagnosis a chain that is not resilient fails with; for a combination, that of its first part. */
    public Optional<Diagnosis> diagnosis() {
        return kind == Kind.COMBINED ? parts.get(0).diagnosis() : kind.diagnosis();
    }

    /** The states this one combines, in the order they are applied; just this one if it combines none. */
    public List<BrokenState> parts() {
        return parts.isEmpty() ? List.of(this) : parts;
    }

    /** This state, then the other: {@code partiallyApplied("3", 1).and(failedMigrationRecorded("3"))}. */
    public BrokenState and(BrokenState other) {
        List<BrokenState> all = Stream.concat(parts().stream(), other.parts().stream()).toList();
        return new BrokenState(Kind.COMBINED, all.stream().map(BrokenState::name).collect(Collectors.joining(" + ")),
                all.stream().map(BrokenState::description).collect(Collectors.joining("; then ")),
                database -> applyAll(all, database), all);
    }

    /**
     * Puts the database into the state.
     *
     * @return what the state keeps open; for a combination, all its parts keep open
     * @throws io.github.migrationtest.core.model.MigrationTestException if the database cannot be put into it, with why
     */
    @Override
    public Seeded applyTo(MigrationDatabase database) {
        return seed.apply(database);
    }

    private static Seeded applyAll(List<BrokenState> parts, MigrationDatabase database) {
        List<Seeded> applied = new ArrayList<>();
        try {
            for (BrokenState part : parts) {
                applied.add(part.applyTo(database));
            }
        } catch (RuntimeException e) {
            applied.forEach(Seeded::close);
            throw e;
        }
        return () -> {
            for (int i = applied.size() - 1; i >= 0; i--) {
                applied.get(i).close();
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
