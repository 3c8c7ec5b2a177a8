package io.github.migrationtest.core.profile;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, with the conflict table of the PostgreSQL manual
 * ("Explicit Locking"). A plain {@code SELECT} takes {@link #ACCESS_SHARE}, {@code INSERT}/{@code UPDATE}/
 * {@code DELETE} take {@link #ROW_EXCLUSIVE}; a lock blocks readers or writers exactly when it conflicts
 * with those.
 */
public enum LockMode {
    /** SELECT. */
    ACCESS_SHARE,
    /** SELECT FOR UPDATE/SHARE. */
    ROW_SHARE,
    /** INSERT, UPDATE, DELETE. */
    ROW_EXCLUSIVE,
    /** CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT, ANALYZE, some ALTER TABLE forms. */
    SHARE_UPDATE_EXCLUSIVE,
    /** CREATE INDEX (without CONCURRENTLY). */
    SHARE,
    /** CREATE TRIGGER, ADD FOREIGN KEY (on the referenced table), some ALTER TABLE forms. */
    SHARE_ROW_EXCLUSIVE,
    /** REFRESH MATERIALIZED VIEW CONCURRENTLY. */
    EXCLUSIVE,
    /** Most ALTER TABLE forms, DROP, TRUNCATE, VACUUM FULL, CLUSTER. */
    ACCESS_EXCLUSIVE;

    // CONFLICTS[a] has bit b set when mode a conflicts with mode b (ACCESS EXCLUSIVE is the leftmost bit).
    private static final int[] CONFLICTS = {
        0b10000000,
        0b11000000,
        0b11110000,
        0b11111000,
        0b11101100,
        0b11111100,
        0b11111110,
        0b11111111,
    };

    /** Whether a session holding this mode makes a session asking for {@code other} wait. */
    public boolean conflictsWith(LockMode other) {
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    /** Whether it makes plain SELECTs on the table wait. */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** Whether it makes INSERT, UPDATE and DELETE on the table wait. */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /** Whether this mode is stronger (later in PostgreSQL's order) than {@code other}. */
    public boolean isStrongerThan(LockMode other) {
        return ordinal() > other.ordinal();
    }

    /** The mode as {@code pg_locks.mode} names it, e.g. {@code AccessExclusiveLock}. */
    public String pgName() {
        StringBuilder name = new StringBuilder();
        for (String part : name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append("Lock").toString();
    }

    /** The mode as SQL writes it, e.g. {@code ACCESS EXCLUSIVE}. */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    /**
     * The mode of a {@code pg_locks.mode} value.
     *
     * @throws IllegalArgumentException for a mode that is not a table lock mode
     */
    public static LockMode ofPgName(String pgName) {
        for (LockMode mode : values()) {
            if (mode.pgName().equals(pgName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Not a PostgreSQL table lock mode: " + pgName);
    }
}
