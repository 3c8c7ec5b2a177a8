package io.github.migrationtest.core.model;

/**
 * The known causes of failed migration runs, each one a way real deployments broke.
 *
 * <p>A failed run carries a {@link Finding} with one of these when the failure matches; unknown
 * failures carry no finding but still all the structured facts of {@link MigrationFailure}.
 */
public enum Diagnosis {

    /** An object the migration creates (type, table, column, index, schema) exists, but the migration is not recorded. */
    OBJECT_EXISTS_UNRECORDED("an object the migration creates already exists, but the migration is not recorded"),

    /** A column cast to an enum holds values that are not labels of the enum. */
    VALUES_OUTSIDE_ENUM_LABELS("the column holds values that are not labels of the enum it is cast to"),

    /** The migration uses a schema that does not exist. */
    MISSING_SCHEMA("the migration uses a schema that does not exist in this database"),

    /** A statement that cannot run in a transaction block ran in one (CREATE INDEX CONCURRENTLY). */
    CONCURRENTLY_IN_TRANSACTION("a statement that cannot run inside a transaction ran inside one"),

    /** An earlier statement failed, its error was caught, and the aborted transaction went on (25P02). */
    ERROR_SWALLOWED_IN_TRANSACTION("an earlier statement in the same transaction failed and its error was swallowed"),

    /** A new enum value was used in the transaction that added it (55P04). */
    NEW_ENUM_VALUE_USED_IN_SAME_TRANSACTION("a new enum value was used in the transaction that added it"),

    /** CREATE INDEX CONCURRENTLY waited forever for the transaction in which Flyway holds its lock. */
    CONCURRENT_INDEX_BLOCKED_BY_MIGRATION_LOCK(
            "CREATE INDEX CONCURRENTLY waits for the transaction that holds the engine's migration lock"),

    /** The engine's migration lock is held by another session or by a process that is gone. */
    MIGRATION_LOCK_HELD("the engine's migration lock is held by someone else"),

    /** An enum label the migration adds exists already (added by hand, or by an unrecorded run). */
    ENUM_LABEL_EXISTS("the enum label the migration adds already exists"),

    /** An index of the name the migration creates exists, invalid: a CREATE INDEX CONCURRENTLY failed and left it. */
    INVALID_INDEX_EXISTS("an invalid index left by a failed CREATE INDEX CONCURRENTLY is in the way"),

    /** The history records a failed migration, and the engine refuses to go on until the history is repaired. */
    FAILED_MIGRATION_RECORDED("the history records a failed migration"),

    /** A migration changed after it was applied: its checksum differs from the one the history records. */
    CHECKSUM_MISMATCH("a migration changed after it was applied"),

    /** The database has objects but no history table: it predates the chain, and the engine will not touch it. */
    EXISTING_SCHEMA_WITHOUT_HISTORY("the database has objects but no migration history"),

    /** The history records a migration that the chain does not have (drift). */
    APPLIED_MIGRATION_MISSING("the history records a migration that the chain does not have"),

    /** Existing rows have no value for a column that becomes NOT NULL (23502). */
    NULLS_IN_NOT_NULL_COLUMN("existing rows have no value for a column that becomes NOT NULL"),

    /** A unique index or constraint goes over rows that share a key (23505). */
    DUPLICATES_UNDER_UNIQUE("a unique index or constraint goes over rows that share a key"),

    /** A foreign key goes over rows whose parent does not exist (23503). */
    ORPHANS_UNDER_FOREIGN_KEY("a foreign key goes over rows whose parent row does not exist"),

    /** A CHECK constraint goes over rows that violate it (23514). */
    ROWS_VIOLATE_CHECK("a CHECK constraint goes over rows that violate it"),

    /** A column's type shrinks below the length of values it holds (22001). */
    VALUES_TOO_LONG("the column holds values longer than its new type allows"),

    /** A column's type changes to one its values do not convert to (42804, 22P02). */
    VALUES_DO_NOT_CONVERT("the column holds values that do not convert to its new type"),

    /** A migration older than the newest applied one is pending, and Flyway refuses to apply it out of order. */
    MIGRATION_OUT_OF_ORDER("a migration older than the newest applied one is pending"),

    /** An object the migration drops (a column, an index, a table) is gone already. */
    OBJECT_ALREADY_DROPPED("an object the migration drops is gone already"),

    /** The migration uses a type, function or operator class of an extension the database does not have. */
    MISSING_EXTENSION("the migration uses an extension the database does not have"),

    /** The migration grants to, or hands ownership to, a role the server does not have. */
    MISSING_ROLE("the migration refers to a role the server does not have");

    private final String summary;

    Diagnosis(String summary) {
        this.summary = summary;
    }

    /** The cause in a few plain words. */
    public String summary() {
        return summary;
    }
}
