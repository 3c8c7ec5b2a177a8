package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.Rewrite;
import io.github.migrationtest.core.profile.RowCount;
import io.github.migrationtest.scenarios.data.LockBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a migration's profile exceeds a lock budget, one line each. Only the exact measures count (lock
 * hold times from pg_locks, rewrites from relfilenode); the probes' waits are shown in the report, but they
 * include the probe's own scheduling and would make a budget flaky.
 */
public final class Violations {

    private Violations() {
    }

    /** Each violation: the table, the lock, how long, what it blocked and the safer pattern. */
    public static List<String> of(MigrationProfile profile, LockBudget budget) {
        List<String> violations = new ArrayList<>();
        for (LockHold lock : profile.locks()) {
            if (!lock.kind().equals("table") || rows(profile, lock.relation()) == 0
                    || !profile.strongestLock(lock.relation()).map(lock::equals).orElse(false)) {
                continue;
            }
            if (lock.mode().blocksWrites() && lock.held().compareTo(budget.blocking()) > 0) {
                violations.add("table " + lock.relation() + " (" + rows(profile, lock.relation()) + " rows): "
                        + lock.mode().sqlName() + " held for " + lock.held().toMillis() + " ms, blocking "
                        + (lock.mode().blocksReads() ? "reads and writes" : "writes") + " (budget "
                        + budget.blocking().toMillis() + " ms), taken by " + lock.statement()
                        + ". Safer: " + Advice.saferPattern(lock.statement()) + ".");
            }
        }
        for (Rewrite rewrite : profile.rewrites()) {
            if (rewrite.kind().equals("table") && rewrite.rows() > budget.rewriteRows()) {
                    String statement = profile.locks().stream().filter(l -> l.relation().equals(rewrite.relation()))
                            .map(LockHold::statement).findFirst().orElse("");
                    violations.add("table " + rewrite.relation() + " (" + rewrite.rows() + " rows) rewritten under"
                            + " ACCESS EXCLUSIVE" + (statement.isEmpty() ? "" : " by " + statement)
                            + ", and the budget allows rewrites up to " + budget.rewriteRows() + " rows. Safer: "
                            + Advice.saferPattern(" TYPE " + statement) + ".");
            }
        }
        return violations;
    }

    private static long rows(MigrationProfile profile, String table) {
        return profile.rows().stream().filter(r -> r.table().equals(table)).mapToLong(RowCount::before).findFirst()
                .orElse(0);
    }
}
