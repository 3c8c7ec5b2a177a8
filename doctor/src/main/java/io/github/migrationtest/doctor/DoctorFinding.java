package io.github.migrationtest.doctor;

import java.util.Objects;

/**
 * One thing a deploy of the chain would meet on the live database, with what to do about it.
 *
 * @param kind what was found
 * @param subject what it is about, e.g. {@code migration 2}, {@code index public.orders_customer_idx}
 * @param problem what is wrong and what the deploy would do, in plain words
 * @param fix what to do, with the exact statement or engine command where there is one
 */
public record DoctorFinding(Kind kind, String subject, String problem, String fix) {

    /** What the doctor found. */
    public enum Kind {
        /** The database has objects but no history table: the first migration will meet them. */
        OBJECTS_WITHOUT_HISTORY(true),
        /** The history records a migration as failed; the engine refuses to run until it is repaired. */
        FAILED_MIGRATION(true),
        /** The history records a migration the chain no longer has. */
        APPLIED_BUT_MISSING(true),
        /** An applied migration was changed after it was applied. */
        CHECKSUM_MISMATCH(true),
        /** A pending migration sorts before migrations already applied. */
        OUT_OF_ORDER(true),
        /** A pending migration creates an object the live database already has. */
        OBJECT_ALREADY_EXISTS(true),
        /** The live schema differs from what the chain makes at the recorded version. */
        DRIFT(true),
        /** An index is invalid (left by a failed CREATE INDEX CONCURRENTLY). */
        INVALID_INDEX(true),
        /** A session holds the engine's migration lock. */
        MIGRATION_LOCK_HELD(true),
        /** A transaction has been open long enough to block the DDL of a migration. */
        LONG_TRANSACTION(true),
        /** The chain itself fails on an empty database: a deploy meets that failure wherever the database gets there. */
        CHAIN_FAILS(true),
        /** A migration the deploy will apply: what a deploy is for, not a problem. */
        PENDING(false);

        private final boolean problem;

        Kind(boolean problem) {
            this.problem = problem;
        }

        /** Whether the finding is a problem (the command exits non-zero), rather than a note. */
        public boolean isProblem() {
            return problem;
        }
    }

    /** Validates the components. */
    public DoctorFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** Whether this is a problem rather than a note. */
    public boolean isProblem() {
        return kind.isProblem();
    }
}
