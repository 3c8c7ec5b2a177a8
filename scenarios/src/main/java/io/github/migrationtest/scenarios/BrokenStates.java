package io.github.migrationtest.scenarios;

import java.util.List;

/**
 * The catalog of broken states: the ways real databases differ from the one a migration chain assumes,
 * each from an incident, each ready to {@linkplain io.github.migrationtest.core.MigrationDatabase#seed seed}.
 *
 * <pre>{@code
 * db.migrateTo("1");
 * db.seed(BrokenStates.enumCreatedButUnrecorded("2"));       // V2's enum exists, V2 is not recorded
 * assertThat(db.migrate()).failedAt("2").hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
 * }</pre>
 *
 * <p>States named after a migration ({@code enumCreatedButUnrecorded("2")}) find what to create by
 * observing that migration - the chain's cached templates before and after it, compared - never by reading
 * its SQL. They expect the database to be before that migration (it must not be recorded as applied).
 * The others take names as SQL writes them ({@code auth.users}, {@code "Mixed Case"}).
 */
public final class BrokenStates {

    private BrokenStates() {
    }

    /**
     * The enum types migration {@code migrationId} creates exist, with the labels it gives them, and the
     * migration is not recorded.
     *
     * <p>Incident: a deploy created {@code platformtype} and was not recorded (or an earlier migration
     * created the same enum); every redeploy failed with {@code type "platformtype" already exists}. A
     * resilient migration creates the type only where it is missing, in a DO block that checks
     * {@code pg_type}, since PostgreSQL has no {@code CREATE TYPE IF NOT EXISTS}. A chain that is not fails
     * with {@link io.github.migrationtest.core.model.Diagnosis#OBJECT_EXISTS_UNRECORDED}.
     *
     * @param migrationId the migration that creates the enums; the database must be before it
     */
    public static BrokenState enumCreatedButUnrecorded(String migrationId) {
        return EnumStates.enumCreatedButUnrecorded(migrationId);
    }

    /**
     * An enum type exists with the given labels, created outside the chain (or by a migration whose run
     * was not recorded). See {@link #enumCreatedButUnrecorded(String)} for the incident.
     *
     * @param type the type's name as SQL writes it, e.g. {@code platformtype} or {@code analytics.platformtype}
     * @param labels its labels, in order
     */
    public static BrokenState enumCreatedButUnrecorded(String type, List<String> labels) {
        return EnumStates.enumCreatedButUnrecorded(type, labels);
    }

    /**
     * The column holds values that are not labels of the enum a later migration casts it to: one row per
     * value, the table's other NOT NULL columns and parent rows made up by {@link Rows}.
     *
     * <p>Incident: {@code ALTER COLUMN industry_type TYPE industry USING industry_type::industry} passed on
     * every empty database and failed in production on {@code 'default'} and {@code 'Fintech '}, blocking
     * the deployment for days. A resilient migration maps or cleans the values before the cast, in the same
     * migration. A chain that is not fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#VALUES_OUTSIDE_ENUM_LABELS}, listing the values.
     *
     * @param table the table, e.g. {@code companies}
     * @param column the column the migration casts, still of its old type (text, varchar)
     * @param value a value that is not a label
     * @param more more such values
     */
    public static BrokenState valuesOutsideEnum(String table, String column, String value, String... more) {
        return EnumStates.valuesOutsideEnum(table, column, value, more);
    }

    /**
     * The columns migration {@code migrationId} casts to an enum hold values that are not labels of it:
     * {@code 'default'} and a label in other case with a trailing blank (say {@code 'Tech '}), the shapes
     * legacy data has. See {@link #valuesOutsideEnum(String, String, String, String...)} for the incident.
     *
     * @param migrationId the migration that changes a column's type to an enum; the database must be before it
     */
    public static BrokenState valuesOutsideEnum(String migrationId) {
        return EnumStates.valuesOutsideEnum(migrationId);
    }

    /**
     * The schema does not exist: dropped, with everything in it, if it does.
     *
     * <p>Incident: migrations created triggers on {@code auth.users}, a schema the hosting platform provides;
     * on a database without it (a fresh test database, another provider) the deployment failed. A resilient
     * migration creates the schema it needs or guards the statements that use a schema it does not own. A
     * chain that is not fails with {@link io.github.migrationtest.core.model.Diagnosis#MISSING_SCHEMA}.
     *
     * @param schema the schema's name
     */
    public static BrokenState missingSchema(String schema) {
        return ObjectStates.missingSchema(schema);
    }

    /**
     * Everything migration {@code migrationId} creates exists, and the migration is not recorded: it ran,
     * and its record was lost. The database must be just before it; the state runs it and forgets it.
     *
     * <p>Incident: the first migration of a chain created tables a production database already had, failed
     * with {@code relation "users" already exists}, and no later migration (the repairs among them) ever
     * ran. A resilient migration creates with IF NOT EXISTS. A chain that is not fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#OBJECT_EXISTS_UNRECORDED}.
     *
     * @param migrationId the migration; it must be the next one the chain would apply
     */
    public static BrokenState objectsPresentButUnrecorded(String migrationId) {
        return ObjectStates.objectsPresentButUnrecorded(migrationId);
    }

    /**
     * A table exists, created outside the chain, perhaps in an older shape than the chain's.
     * See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param table the table's name as SQL writes it
     * @param columns its column definitions as CREATE TABLE takes them, e.g. {@code id varchar PRIMARY KEY, email varchar NOT NULL}
     */
    public static BrokenState tableAlreadyExists(String table, String columns) {
        return ObjectStates.tableAlreadyExists(table, columns);
    }

    /**
     * A column exists, added outside the chain. See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param table the table's name as SQL writes it
     * @param column the column's name
     * @param type its type, e.g. {@code text NOT NULL DEFAULT ''}
     */
    public static BrokenState columnAlreadyExists(String table, String column, String type) {
        return ObjectStates.columnAlreadyExists(table, column, type);
    }

    /**
     * An index exists, created outside the chain. See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param index the index's name
     * @param table the table's name as SQL writes it
     * @param keys its keys as CREATE INDEX takes them, e.g. {@code user_id, created_at}
     */
    public static BrokenState indexAlreadyExists(String index, String table, String keys) {
        return ObjectStates.indexAlreadyExists(index, table, keys);
    }

    /**
     * The first {@code statements} statements of migration {@code migrationId} ran, each committed on its
     * own, and the migration is not recorded. The statements come from the migration's SQL, split at the
     * semicolons that end statements (not those in strings, comments, dollar-quoted bodies).
     *
     * <p>Incident: a migration that runs outside a transaction - CREATE INDEX CONCURRENTLY, an ALTER TYPE on
     * an old server, a script run by hand - stopped half way; the rerun fails on the first statement that
     * took effect. A resilient migration makes every statement safe to repeat. A chain that is not fails on
     * that statement, usually with {@link io.github.migrationtest.core.model.Diagnosis#OBJECT_EXISTS_UNRECORDED}.
     * With {@link #failedMigrationRecorded(String)} it is what a failed non-transactional Flyway migration
     * leaves.
     *
     * @param migrationId the migration; the database must be before it, and it must be SQL
     * @param statements how many of its statements ran, at least 1
     */
    public static BrokenState partiallyApplied(String migrationId, int statements) {
        return ObjectStates.partiallyApplied(migrationId, statements);
    }

    /**
     * The history records migration {@code migrationId} as failed (Flyway: a row with success = false).
     * Compose it with {@link #partiallyApplied(String, int)} for the partial work a real failure leaves.
     *
     * <p>Incident: a non-transactional migration failed (a CREATE UNIQUE INDEX CONCURRENTLY over duplicates)
     * and Flyway recorded the failure; every deployment after that stops at validation with "Detected failed
     * migration". A resilient deployment repairs the history before migrating ({@code flyway repair}), with
     * a migration that is safe to rerun over its own partial work. A chain that is not fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#FAILED_MIGRATION_RECORDED}. Liquibase records no failed
     * changesets (a failed one is rolled back and left unrecorded), so on a Liquibase chain applying this state
     * is an error that says so; {@link #partiallyApplied(String, int)} is what a failure leaves there.
     *
     * @param migrationId the migration; it must not be recorded as applied
     */
    public static BrokenState failedMigrationRecorded(String migrationId) {
        return HistoryStates.failedMigrationRecorded(migrationId);
    }

    /**
     * The history records a migration the chain does not have, as applied.
     *
     * <p>Incident: a shared database was migrated from a feature branch, or by a release that was then rolled
     * back; the deployed chain lacks the migration and Flyway stops with "Detected applied migration not
     * resolved locally". A resilient setup restores the migration or tells the engine that its removal is
     * intended ({@code flyway.ignoreMigrationPatterns=*:missing}). A chain that is not fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#APPLIED_MIGRATION_MISSING}. Flyway ignores a recorded
     * version newer than all of the chain's (a "future" migration); pick one between two of the chain's,
     * e.g. {@code 1.5}. Liquibase ignores history rows it has no changeset for: a Liquibase chain survives this
     * state as it is (the row goes in as a changeset of {@code db/changelog/removed-changelog.xml} by
     * {@code migrationtest}).
     *
     * @param migrationId an id the chain does not have
     * @param description its description
     */
    public static BrokenState recordedButMissing(String migrationId, String description) {
        return HistoryStates.recordedButMissing(migrationId, description);
    }

    /**
     * The recorded checksum of applied migration {@code migrationId} differs from the chain's, as it does
     * once someone edits a migration after it ran.
     *
     * <p>Incident: a team "fixed" its failing baseline migration by rewriting it as a no-op; every database
     * that had run the original then failed validation. A resilient chain never edits applied migrations;
     * where an edit is harmless, the deployment realigns the checksum ({@code flyway repair}). A chain that
     * is not fails with {@link io.github.migrationtest.core.model.Diagnosis#CHECKSUM_MISMATCH}.
     *
     * @param migrationId the migration; it must be recorded as applied
     */
    public static BrokenState checksumMismatch(String migrationId) {
        return HistoryStates.checksumMismatch(migrationId);
    }

    /**
     * An invalid index of this name exists on the table, left by a CREATE UNIQUE INDEX CONCURRENTLY that
     * really failed: two rows with equal keys are inserted (their other columns and parents made up), the
     * index build fails on them, and the two rows are deleted again.
     *
     * <p>Incident: CREATE INDEX CONCURRENTLY failed half way (duplicates, a deadlock, a deploy cancelled on
     * time) and left an invalid index; the retry failed with "already exists", and IF NOT EXISTS would have
     * kept the invalid index, which no query uses. A resilient migration drops the index if it exists and
     * creates it again, outside a transaction. A chain that is not fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#INVALID_INDEX_EXISTS}.
     *
     * @param index the index's name
     * @param table the table's name, e.g. {@code events}
     * @param column the first key column
     * @param more further key columns
     */
    public static BrokenState invalidIndex(String index, String table, String column, String... more) {
        return IndexAndLockStates.invalidIndex(index, table, column, more);
    }

    /**
     * The indexes migration {@code migrationId} creates on tables that exist before it are there, invalid
     * (see {@link #invalidIndex(String, String, String, String...)}).
     *
     * @param migrationId the migration; the database must be before it
     */
    public static BrokenState invalidIndex(String migrationId) {
        return IndexAndLockStates.invalidIndex(migrationId);
    }

    /**
     * The enum already has the label.
     *
     * <p>Incident: a label was added by hand as a hotfix; the migration that adds it failed with
     * {@code enum label "archived" already exists}, and the try/except around it aborted the transaction.
     * A resilient migration uses {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}. A chain that is not fails
     * with {@link io.github.migrationtest.core.model.Diagnosis#ENUM_LABEL_EXISTS}.
     *
     * @param type the enum's name as SQL writes it
     * @param label the label
     */
    public static BrokenState enumLabelAlreadyPresent(String type, String label) {
        return EnumStates.enumLabelAlreadyPresent(type, label);
    }

    /**
     * The labels migration {@code migrationId} adds to existing enums are there already, where it puts them.
     * See {@link #enumLabelAlreadyPresent(String, String)} for the incident.
     *
     * @param migrationId the migration; the database must be before it
     */
    public static BrokenState enumLabelAlreadyPresent(String migrationId) {
        return EnumStates.enumLabelAlreadyPresent(migrationId);
    }

    /**
     * Another session holds the engine's migration lock and does not let go until the state is closed
     * (or the database is). Flyway: a session idle in a transaction that holds Flyway's advisory lock, as a
     * migrator that hung or froze leaves it. Liquibase: the row of {@code DATABASECHANGELOGLOCK} marked
     * locked two hours ago by a host that is gone - a row, not a session, so it outlives the state's closing
     * as it outlives the process that took it in production.
     *
     * <p>Incident: a deployment was killed while migrating, or hung; the next ones waited for its lock and
     * timed out. A resilient setup bounds the wait ({@code flyway.lockRetryCount}, the deploy's time limit)
     * and lets the server end sessions idle in a transaction ({@code idle_in_transaction_session_timeout}),
     * which frees an advisory lock; with Liquibase, the deploy releases a lock older than any deploy takes
     * ({@code liquibase release-locks}). A chain that is not waits and fails with
     * {@link io.github.migrationtest.core.model.Diagnosis#MIGRATION_LOCK_HELD}.
     */
    public static BrokenState stuckMigrationLock() {
        return IndexAndLockStates.stuckMigrationLock();
    }
}
