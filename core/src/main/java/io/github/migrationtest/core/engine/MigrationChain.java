package io.github.migrationtest.core.engine;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A project's chain of migrations, run by its engine (Flyway, Liquibase) against a database.
 *
 * <p>Implementations are immutable and thread-safe; every method takes the database it works on.
 * They never throw for a migration that fails: the failure is part of the {@link MigrationResult}.
 * They throw {@link MigrationTestConfigurationException} when the chain itself cannot be used (a
 * location that does not exist, an unknown target).
 */
public interface MigrationChain {

    /** The engine that runs the chain. */
    Engine kind();

    /** The engine and its version, e.g. {@code Flyway 11.20.3}. */
    String engine();

    /** The chain in a few words for messages, e.g. {@code Flyway chain classpath:db/migration}. */
    String description();

    /**
     * The engine settings in a canonical text form (locations, placeholders, schemas...): two
     * chains with equal settings and equal migrations migrate databases alike.
     */
    String settings();

    /**
     * A cheap fingerprint of the chain's files as this chain object first saw them (for Flyway: the path, size
     * and time of every file in its locations), so that states built for other contents of the same locations
     * in this JVM are not reused; empty where none can be taken cheaply. Two chains with equal
     * {@link #settings()} and fingerprints resolve the same migrations.
     */
    default String contentFingerprint() {
        return "";
    }

    /**
     * Checks that the chain can be used at all (its locations exist and hold migrations), before
     * any database is touched.
     *
     * @throws MigrationTestConfigurationException with what is wrong and how to fix it
     */
    void validate();

    /**
     * The chain's migrations in the order the engine applies them.
     *
     * @param database a database the engine may connect to while resolving (an empty one will do)
     */
    List<Migration> migrations(DataSource database);

    /**
     * How {@link #migrate} and the rollback methods name this migration as a target without
     * ambiguity. The id for Flyway; for Liquibase, whose changeset ids are unique only together
     * with author and file, the full {@code file::id::author}.
     */
    default String targetOf(Migration migration) {
        return migration.id();
    }

    /**
     * Whether {@code target} names the migration: its id, its {@link #targetOf target form}, or
     * {@code id::author}.
     */
    default boolean isNamedBy(Migration migration, String target) {
        return migration.id().equals(target) || targetOf(migration).equals(target)
                || migration.author().map(author -> (migration.id() + "::" + author).equals(target)).orElse(false);
    }

    /**
     * Applies the pending migrations, up to and including {@code target} when one is given. A run to a
     * target leaves repeatable migrations (Flyway's {@code R__} scripts) to the run that reaches the head,
     * so that a database at version k holds what production had at k (see docs/engines.md).
     *
     * @param database the database to migrate
     * @param target the id of the last migration to apply; empty for all of them
     * @throws MigrationTestConfigurationException if the target is not a migration of the chain
     */
    MigrationResult migrate(DataSource database, Optional<String> target);

    /**
     * Why running several migrations in one engine run may end otherwise than running them one run at a
     * time, e.g. {@code repeatable migrations R__views run at the end of every run}; empty when a run is
     * just its migrations applied in order. Where it is empty, a database upgraded from any version passes
     * through the states a step-by-step build holds, and the standard suite checks upgrades step by step
     * (see docs/suite.md). Engines that cannot tell say so, which keeps the full upgrade per version.
     *
     * @param database a database the engine may connect to while resolving (an empty one will do)
     */
    default Optional<String> stepwiseCaveat(DataSource database) {
        return Optional.of(engine() + " is not known to run migrations alike one at a time");
    }

    /**
     * Prepares a database as the engine does before it applies the first migration: creates its history
     * table (Liquibase: and its lock table), applies nothing. A state "before the first migration" that
     * models production starts here, since production has the history table when migration 1 runs.
     * Does nothing where the tables exist.
     *
     * @param database the database to prepare
     */
    void initializeHistory(DataSource database);

    /** The engine's history table of the database, in order of execution; empty if it has none. */
    List<HistoryEntry> history(DataSource database);

    /**
     * The engine's bookkeeping as the chain's settings place it: the history table (its name, e.g.
     * {@code billing.flyway_schema_history}, and rows) and the migration lock. Scenarios edit it to recreate
     * broken states (an unrecorded migration, a failed entry, a stuck lock).
     */
    EngineHistory engineHistory();

    /**
     * The SQL text of a migration, where the engine keeps migrations as SQL files; diagnoses read it
     * for what the database no longer shows after a rollback (an enum the failed migration created).
     */
    default Optional<String> sql(Migration migration) {
        return Optional.empty();
    }

    /**
     * Undoes the newest applied migration (Flyway: its {@code U<version>__*.sql} undo script; Liquibase:
     * the changeset's rollback) and removes it from the history table.
     *
     * <p>The result's {@link MigrationResult#applied() applied} list holds the migration that was
     * rolled back. A migration without a rollback is a {@link MigrationFailure.Kind#NO_ROLLBACK}
     * failure naming it; nothing is undone then. A database without applied migrations gives an
     * empty, successful result.
     *
     * @param database the database to roll back
     */
    MigrationResult rollbackLast(DataSource database);

    /**
     * Undoes, newest first, every migration applied after {@code target}; {@code target} itself stays
     * applied.
     *
     * <p>The result's {@link MigrationResult#applied() applied} list holds the migrations that were
     * rolled back, in the order they were undone. If any of them has no rollback, the run is a
     * {@link MigrationFailure.Kind#NO_ROLLBACK} failure naming it and nothing is undone.
     *
     * @param database the database to roll back
     * @param target the id of the migration to roll back to (see {@link #migrate(DataSource, Optional)})
     * @throws MigrationTestConfigurationException if the target is not a migration of the chain
     * @throws MigrationTestException if the target is not applied in the database
     */
    MigrationResult rollbackTo(DataSource database, String target);
}
