package io.github.migrationtest.junit;

/** The checks of {@link MigrationChainContract}; each can be turned off or skipped per migration. */
public enum Check {
    /** An empty database migrates to the head; the history records every migration. */
    CLEAN_INSTALL,
    /** Migrating a database at the head again applies nothing and changes nothing. */
    RERUN,
    /** Each migration, replayed on a database where it ran but is not recorded, succeeds (idempotency). */
    REPLAY_UNRECORDED,
    /** Each migration rolls back to the schema before it and re-applies to the schema after it. */
    UP_DOWN_UP,
    /** A database at each earlier version migrates to the head and ends like a clean install. */
    UPGRADE,
    /** The head schema equals the committed snapshot file. */
    SNAPSHOT,
    /** Each broken state discovery offers for the chain has the outcome the class declares. */
    BROKEN_STATES
}
