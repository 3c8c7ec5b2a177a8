package io.github.migrationtest.core;

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
    MIGRATION_LOCK_HELD("the engine's migration lock is held by someone else");

    private final String summary;

    Diagnosis(String summary) {
        this.summary = summary;
    }

    /** The cause in a few plain words. */
    public String summary() {
        return summary;
    }
}
