package io.github.migrationtest.core.profile;

import java.util.Objects;

/**
 * A relation whose data files a migration replaced ({@code pg_class.relfilenode} changed): a table
 * rewritten by ALTER COLUMN TYPE, VACUUM FULL, CLUSTER or TRUNCATE, or an index rebuilt with it.
 *
 * @param relation the relation, qualified
 * @param kind {@code table}, {@code index} or {@code toast table}
 * @param rows the table's rows before the migration (for an index: its table's), an estimate for large tables
 */
public record Rewrite(String relation, String kind, long rows) {

    /** Validates the components. */
    public Rewrite {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(kind, "kind");
    }

    /** The rewrite as one line. */
    public String describe() {
        return kind + " " + relation + " rewritten (" + rows + " rows)";
    }
}
