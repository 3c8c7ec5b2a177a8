package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.core.engine.HeldLock;
import io.github.migrationtest.core.internal.SqlScript;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.scenarios.BrokenState.Kind;
import io.github.migrationtest.scenarios.internal.ChainObservation;
import io.github.migrationtest.scenarios.internal.ColumnType;
import io.github.migrationtest.core.internal.ApplicationNames;
import io.github.migrationtest.scenarios.internal.MigrationEffects;
import io.github.migrationtest.scenarios.internal.RowFiller;
import io.github.migrationtest.scenarios.internal.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return BrokenState.of(Kind.ENUM_CREATED_BUT_UNRECORDED, "enum created but unrecorded: " + migrationId,
                "creates the enum types migration " + migrationId + " creates, with their labels; the migration stays"
                        + " unrecorded", db -> {
                    Migration migration = unrecorded(db, migrationId, "enumCreatedButUnrecorded");
                    List<EnumType> enums = observe(db).effects(migration).newEnums();
                    if (enums.isEmpty()) {
                        throw new MigrationTestException("enumCreatedButUnrecorded(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " creates no enum type. Name the type and its labels"
                                + " instead: enumCreatedButUnrecorded(\"<type>\", List.of(\"<label>\", ...)).");
                    }
                    for (EnumType type : enums) {
                        createEnum(db, Sql.readable(type.name()), type.labels());
                    }
                    return Seeded.NOTHING;
                });
    }

    /**
     * An enum type exists with the given labels, created outside the chain (or by a migration whose run
     * was not recorded). See {@link #enumCreatedButUnrecorded(String)} for the incident.
     *
     * @param type the type's name as SQL writes it, e.g. {@code platformtype} or {@code analytics.platformtype}
     * @param labels its labels, in order
     */
    public static BrokenState enumCreatedButUnrecorded(String type, List<String> labels) {
        List<String> copy = List.copyOf(labels);
        return BrokenState.of(Kind.ENUM_CREATED_BUT_UNRECORDED, "enum created but unrecorded: " + type,
                "creates enum " + type + " (" + Sql.literals(copy) + ")", db -> {
                    createEnum(db, type, copy);
                    return Seeded.NOTHING;
                });
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
        List<String> values = Stream.concat(Stream.of(value), Arrays.stream(more)).toList();
        return BrokenState.of(Kind.VALUES_OUTSIDE_ENUM, "values outside enum labels: " + table + "." + column,
                "inserts rows into " + table + " with " + column + " = " + Sql.literals(values), db -> {
                    insertValues(db, table, column, values);
                    return Seeded.NOTHING;
                });
    }

    /**
     * The columns migration {@code migrationId} casts to an enum hold values that are not labels of it:
     * {@code 'default'} and a label in other case with a trailing blank (say {@code 'Tech '}), the shapes
     * legacy data has. See {@link #valuesOutsideEnum(String, String, String, String...)} for the incident.
     *
     * @param migrationId the migration that changes a column's type to an enum; the database must be before it
     */
    public static BrokenState valuesOutsideEnum(String migrationId) {
        return BrokenState.of(Kind.VALUES_OUTSIDE_ENUM, "values outside enum labels: " + migrationId,
                "inserts rows whose values are not labels into the columns migration " + migrationId
                        + " casts to an enum", db -> {
                    Migration migration = unrecorded(db, migrationId, "valuesOutsideEnum");
                    List<MigrationEffects.EnumCast> casts = observe(db).effects(migration).enumCasts();
                    if (casts.isEmpty()) {
                        throw new MigrationTestException("valuesOutsideEnum(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " changes no column's type to an enum type.");
                    }
                    for (MigrationEffects.EnumCast cast : casts) {
                        insertValues(db, cast.table().toString(), cast.column(), outsideLabels(cast.enumType().labels()));
                    }
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.MISSING_SCHEMA, "missing schema: " + schema,
                "drops schema " + schema + " and everything in it, if it exists", db -> {
                    db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.OBJECTS_PRESENT_BUT_UNRECORDED, "objects present but unrecorded: " + migrationId,
                "runs migration " + migrationId + " and removes it from the history", db -> {
                    Migration migration = unrecorded(db, migrationId, "objectsPresentButUnrecorded");
                    requireNext(db, migration, "objectsPresentButUnrecorded");
                    MigrationResult result = db.migrateTo(migrationId);
                    if (!result.succeeded()) {
                        throw new MigrationTestException("objectsPresentButUnrecorded(\"" + migrationId + "\"): the"
                                + " migration fails on " + db.name() + ", so its objects cannot be put in place:\n  "
                                + result.describe().replace("\n", "\n  "));
                    }
                    db.chain().engineHistory().forget(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
    }

    /**
     * A table exists, created outside the chain, perhaps in an older shape than the chain's.
     * See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param table the table's name as SQL writes it
     * @param columns its column definitions as CREATE TABLE takes them, e.g. {@code id varchar PRIMARY KEY, email varchar NOT NULL}
     */
    public static BrokenState tableAlreadyExists(String table, String columns) {
        return objects("table already exists: " + table, "creates table " + table + " (" + columns + ")",
                "CREATE TABLE " + table + " (" + columns + ")");
    }

    /**
     * A column exists, added outside the chain. See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param table the table's name as SQL writes it
     * @param column the column's name
     * @param type its type, e.g. {@code text NOT NULL DEFAULT ''}
     */
    public static BrokenState columnAlreadyExists(String table, String column, String type) {
        return objects("column already exists: " + table + "." + column, "adds column " + column + " " + type + " to "
                + table, "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
    }

    /**
     * An index exists, created outside the chain. See {@link #objectsPresentButUnrecorded(String)} for the incident.
     *
     * @param index the index's name
     * @param table the table's name as SQL writes it
     * @param keys its keys as CREATE INDEX takes them, e.g. {@code user_id, created_at}
     */
    public static BrokenState indexAlreadyExists(String index, String table, String keys) {
        return objects("index already exists: " + index, "creates index " + index + " on " + table + " (" + keys + ")",
                "CREATE INDEX " + index + " ON " + table + " (" + keys + ")");
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
        return BrokenState.of(Kind.PARTIALLY_APPLIED, "partially applied: " + migrationId + ", first " + statements
                + " statement(s)", "runs the first " + statements + " statement(s) of migration " + migrationId
                + ", each in its own transaction; the migration stays unrecorded", db -> {
                    Migration migration = unrecorded(db, migrationId, "partiallyApplied");
                    List<String> all = statements(db, migration);
                    if (statements < 1 || statements > all.size()) {
                        throw new MigrationTestException("partiallyApplied(\"" + migrationId + "\", " + statements
                                + "): migration " + migration.displayName() + " has " + all.size() + " statement(s);"
                                + " give a number from 1 to " + all.size() + ".");
                    }
                    for (int i = 0; i < statements; i++) {
                        try {
                            db.execute(all.get(i));
                        } catch (MigrationTestException e) {
                            throw new MigrationTestException("partiallyApplied(\"" + migrationId + "\", " + statements
                                    + "): statement " + (i + 1) + " of migration " + migration.displayName()
                                    + " fails on " + db.name() + ": " + e.getMessage(), e);
                        }
                    }
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.FAILED_MIGRATION_RECORDED, "failed migration recorded: " + migrationId,
                "records migration " + migrationId + " as failed in the history", db -> {
                    Migration migration = unrecorded(db, migrationId, "failedMigrationRecorded");
                    db.chain().engineHistory().recordFailed(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.RECORDED_BUT_MISSING, "recorded but missing: " + migrationId,
                "records migration " + migrationId + " \"" + description + "\", which the chain does not have, as"
                        + " applied", db -> {
                    if (db.migrations().stream().anyMatch(m -> m.id().equals(migrationId))) {
                        throw new MigrationTestException("recordedButMissing(\"" + migrationId + "\", ...): the "
                                + db.chain().description() + " has migration " + migrationId + "; this state records"
                                + " one it does not have. Pick an id between two of its migrations, e.g. 1.5.");
                    }
                    db.chain().engineHistory().recordApplied(db.dataSource(), migrationId, description);
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.CHECKSUM_MISMATCH, "checksum mismatch: " + migrationId,
                "changes the checksum the history records for migration " + migrationId, db -> {
                    Migration migration = migration(db, migrationId);
                    if (!recorded(db, migration)) {
                        throw new MigrationTestException("checksumMismatch(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " is not recorded as applied in " + db.name() + "; only an"
                                + " applied migration has a recorded checksum. Migrate to it first: db.migrateTo(\""
                                + migrationId + "\").");
                    }
                    db.chain().engineHistory().changeChecksum(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
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
        List<String> columns = Stream.concat(Stream.of(column), Arrays.stream(more)).toList();
        return BrokenState.of(Kind.INVALID_INDEX, "invalid index: " + index, "leaves an invalid index " + index + " on "
                + table + " (" + String.join(", ", columns) + ") by a CREATE UNIQUE INDEX CONCURRENTLY that fails", db -> {
                    createInvalidIndex(db, index, table, table, columns);
                    return Seeded.NOTHING;
                });
    }

    /**
     * The indexes migration {@code migrationId} creates on tables that exist before it are there, invalid
     * (see {@link #invalidIndex(String, String, String, String...)}).
     *
     * @param migrationId the migration; the database must be before it
     */
    public static BrokenState invalidIndex(String migrationId) {
        return BrokenState.of(Kind.INVALID_INDEX, "invalid index: " + migrationId,
                "leaves invalid indexes of the names migration " + migrationId + " creates", db -> {
                    Migration migration = unrecorded(db, migrationId, "invalidIndex");
                    MigrationEffects effects = observe(db).effects(migration);
                    List<Index> indexes = indexesOnExistingTables(effects);
                    if (indexes.isEmpty()) {
                        throw new MigrationTestException("invalidIndex(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " creates no index on columns of a table that exists"
                                + " before it.");
                    }
                    for (Index index : indexes) {
                        createInvalidIndex(db, Sql.readable(index.name().name()), index.table().toString(),
                                Sql.readable(index.table()), index.keys());
                    }
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + type + "." + label,
                "adds label " + Sql.literal(label) + " to enum " + type, db -> {
                    db.execute("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + Sql.literal(label));
                    return Seeded.NOTHING;
                });
    }

    /**
     * The labels migration {@code migrationId} adds to existing enums are there already, where it puts them.
     * See {@link #enumLabelAlreadyPresent(String, String)} for the incident.
     *
     * @param migrationId the migration; the database must be before it
     */
    public static BrokenState enumLabelAlreadyPresent(String migrationId) {
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + migrationId,
                "adds the labels migration " + migrationId + " adds", db -> {
                    Migration migration = unrecorded(db, migrationId, "enumLabelAlreadyPresent");
                    List<MigrationEffects.AddedLabel> labels = observe(db).effects(migration).addedLabels();
                    if (labels.isEmpty()) {
                        throw new MigrationTestException("enumLabelAlreadyPresent(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " adds no label to an enum type that exists before it.");
                    }
                    labels.forEach(label -> db.execute(addLabel(label)));
                    return Seeded.NOTHING;
                });
    }

    /** A label migration discovery found a migration adds, placed where the migration puts it. */
    static BrokenState enumLabelAlreadyPresent(MigrationEffects.AddedLabel label) {
        String type = Sql.readable(label.enumType());
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + type + "." + label.label(),
                "adds label " + Sql.literal(label.label()) + " to enum " + type, db -> {
                    db.execute(addLabel(label));
                    return Seeded.NOTHING;
                });
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
        return BrokenState.of(Kind.MIGRATION_LOCK_HELD, "stuck migration lock",
                "takes the engine's migration lock and does not let go (Flyway: a session of its own, "
                        + ApplicationNames.STUCK_MIGRATOR + ", until closed; Liquibase: its lock row)", db -> {
                    HeldLock lock = db.chain().engineHistory().holdLock(
                            db.server().address().dataSource(db.name(), ApplicationNames.STUCK_MIGRATOR));
                    return lock::close;
                });
    }

    private static BrokenState objects(String name, String description, String sql) {
        return BrokenState.of(Kind.OBJECTS_PRESENT_BUT_UNRECORDED, name, description, db -> {
            db.execute(sql);
            return Seeded.NOTHING;
        });
    }

    static Migration migration(MigrationDatabase db, String id) {
        return db.migrations().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new MigrationTestException("The " + db.chain().description() + " has no migration '"
                        + id + "'. Its migrations are: " + db.migrations().stream().map(Migration::id)
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static boolean recorded(MigrationDatabase db, Migration migration) {
        return db.history().stream().anyMatch(e -> e.success() && e.id().equals(migration.id()));
    }

    private static Migration unrecorded(MigrationDatabase db, String id, String state) {
        Migration migration = migration(db, id);
        if (recorded(db, migration)) {
            int index = db.migrations().indexOf(migration);
            String before = index == 0 ? "an empty database" : "db.migrateTo(\"" + db.migrations().get(index - 1).id()
                    + "\") or @At(\"" + db.migrations().get(index - 1).id() + "\")";
            throw new MigrationTestException(state + "(\"" + id + "\"): migration " + migration.displayName()
                    + " is recorded as applied in " + db.name() + "; the state belongs before it. Start from "
                    + before + ".");
        }
        return migration;
    }

    private static void requireNext(MigrationDatabase db, Migration migration, String state) {
        Optional<Migration> next = db.migrations().stream().filter(m -> !recorded(db, m)).findFirst();
        if (next.isPresent() && !next.get().equals(migration)) {
            throw new MigrationTestException(state + "(\"" + migration.id() + "\"): migration " + next.get().id()
                    + " comes first and is not applied in " + db.name() + ". Migrate to it first: db.migrateTo(\""
                    + next.get().id() + "\").");
        }
    }

    static ChainObservation observe(MigrationDatabase db) {
        return new ChainObservation(DatabaseFactory.on(db.server()), db.chain(), db.settings().migrationTimeout());
    }

    private static void createEnum(MigrationDatabase db, String type, List<String> labels) {
        if (db.query("SELECT to_regtype(?) IS NOT NULL AS present", type).get(0).get("present").equals(Boolean.TRUE)) {
            throw new MigrationTestException("Cannot create enum " + type + " in " + db.name() + ": a type of that name"
                    + " exists already.");
        }
        db.execute("CREATE TYPE " + type + " AS ENUM (" + Sql.literals(labels) + ")");
    }

    private static void insertValues(MigrationDatabase db, String table, String column, List<String> values) {
        RowFiller filler = new RowFiller(db);
        Optional<Table> found = filler.schema().table(table);
        Optional<Column> target = found.flatMap(t -> t.column(column));
        if (target.isPresent() && filler.type(target.get()).base() == ColumnType.Base.ENUM) {
            throw new MigrationTestException("Cannot store values outside the enum's labels in " + found.get().name()
                    + "." + column + ": the column is of enum type " + target.get().type() + " already. Seed the state"
                    + " before the migration that casts it.");
        }
        for (String value : values) {
            filler.insert(table, Map.of(column, value));
        }
    }

    /** Values legacy data holds where an enum is expected: a catch-all and a label in another case with a blank. */
    static List<String> outsideLabels(List<String> labels) {
        List<String> values = new ArrayList<>();
        values.add("default");
        if (!labels.isEmpty()) {
            String label = labels.get(0);
            values.add(label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + " ");
        }
        return values.stream().filter(v -> !labels.contains(v)).distinct().toList();
    }

    private static List<String> statements(MigrationDatabase db, Migration migration) {
        String sql = db.chain().sql(migration).orElseThrow(() -> new MigrationTestException("partiallyApplied(\""
                + migration.id() + "\", ...): migration " + migration.displayName() + " has no SQL text (a Java"
                + " migration, or a changeset without SQL), and partial application runs its SQL statements."));
        if (sql.contains("${")) {
            throw new MigrationTestException("partiallyApplied(\"" + migration.id() + "\", ...): migration "
                    + migration.displayName() + " uses placeholders (${...}), which only the engine replaces.");
        }
        return SqlScript.statements(sql);
    }

    /**
     * Leaves an invalid index for real: a unique build over two rows with equal keys fails in its build
     * phase, after the index is in the catalog, exactly as a failed CONCURRENTLY build in production does.
     */
    private static void createInvalidIndex(MigrationDatabase db, String index, String table, String tableSql,
            List<String> columns) {
        RowFiller filler = new RowFiller(db);
        RowFiller.InsertedRow first = filler.insert(table, Map.of(), Set.copyOf(columns));
        Map<String, String> same = new LinkedHashMap<>();
        for (String column : columns) {
            same.put(column, first.values().get(column));
        }
        RowFiller.InsertedRow second = filler.insert(table, same);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + tableSql + " ("
                    + columns.stream().map(Sql::identifier).collect(Collectors.joining(", ")) + ")");
            statement.execute("DROP INDEX " + index);
            throw new MigrationTestException("invalidIndex(\"" + index + "\", ...): the index build did not fail on"
                    + " two rows with equal keys, so no invalid index could be left.");
        } catch (SQLException expected) {
            if (!"23505".equals(expected.getSQLState())) {
                throw new MigrationTestException("invalidIndex(\"" + index + "\", ...): the index build failed, but not"
                        + " on the duplicate keys: " + expected.getMessage(), expected);
            }
        } finally {
            filler.delete(List.of(second, first));
        }
    }

    private static List<Index> indexesOnExistingTables(MigrationEffects effects) {
        List<Index> indexes = new ArrayList<>();
        for (Index index : effects.newIndexes()) {
            boolean newTable = effects.newTables().stream().anyMatch(t -> t.name().equals(index.table()));
            Set<String> newColumns = effects.newColumns().stream().filter(c -> c.table().equals(index.table()))
                    .map(c -> c.column().name()).collect(Collectors.toSet());
            // Only plain columns that exist before the migration can carry the duplicates the failed build needs.
            boolean plainOldColumns = index.keys().stream().allMatch(k -> k.matches("[a-z_][a-z0-9_$]*")
                    && !newColumns.contains(k));
            if (!newTable && !index.primary() && plainOldColumns && index.predicate().isEmpty()) {
                indexes.add(index);
            }
        }
        return indexes;
    }

    private static String addLabel(MigrationEffects.AddedLabel label) {
        return "ALTER TYPE " + Sql.readable(label.enumType()) + " ADD VALUE IF NOT EXISTS " + Sql.literal(label.label())
                + label.before().map(b -> " BEFORE " + Sql.literal(b)).orElse("")
                + label.after().map(a -> " AFTER " + Sql.literal(a)).orElse("");
    }
}
