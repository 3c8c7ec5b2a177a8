package io.github.migrationtest.scenarios.data;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a migration may keep readers and writers of an existing table waiting, and whether it may
 * rewrite one: a migration over budget is a red test naming the table, the lock, how long it was held and
 * the safer pattern.
 *
 * <pre>{@code
 * LockBudget.blockingAtMost(Duration.ofMillis(200)).withoutRewritesOver(10_000)
 * }</pre>
 *
 * @param blocking the longest a lock that blocks writes (SHARE or stronger) or reads (ACCESS EXCLUSIVE) may be held
 * @param rewriteRows the most rows a table a migration rewrites may have
 */
public record LockBudget(Duration blocking, long rewriteRows) {

    /** Validates the components. */
    public LockBudget {
        Objects.requireNonNull(blocking, "blocking");
        if (blocking.isNegative()) {
            throw new IllegalArgumentException("A lock budget cannot be negative: " + blocking);
        }
    }

    /** A budget that lets a migration block readers or writers of an existing table for at most {@code blocking}. */
    public static LockBudget blockingAtMost(Duration blocking) {
        return new LockBudget(blocking, Long.MAX_VALUE);
    }

    /**
     * This budget, also refusing rewrites of tables with more than {@code rows} rows, whatever time the
     * rewrite takes on the test's data (production's tables are larger).
     */
    public LockBudget withoutRewritesOver(long rows) {
        return new LockBudget(blocking, rows);
    }
}
