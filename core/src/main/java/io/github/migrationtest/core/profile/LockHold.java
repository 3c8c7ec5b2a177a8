package io.github.migrationtest.core.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * A lock a migration held on a relation.
 *
 * @param relation the relation, qualified ({@code public.orders})
 * @param kind what the relation is: {@code table}, {@code index}, {@code sequence}, {@code view}, ...
 * @param mode the lock mode
 * @param held how long it was held, at most: from the start of the statement that took it to the end of
 *     its transaction (PostgreSQL keeps table locks until then)
 * @param statement the start of the statement that took it, when known
 */
public record LockHold(String relation, String kind, LockMode mode, Duration held, String statement) {

    /** Validates the components. */
    public LockHold {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(statement, "statement");
    }

    /** The hold as one line, e.g. {@code ACCESS EXCLUSIVE on table public.orders for 412 ms (ALTER TABLE ...)}. */
    public String describe() {
        return mode.sqlName() + " on " + kind + " " + relation + " for " + held.toMillis() + " ms"
                + (statement.isEmpty() ? "" : " (" + statement + ")");
    }
}
