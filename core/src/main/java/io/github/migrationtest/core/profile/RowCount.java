package io.github.migrationtest.core.profile;

import java.util.Objects;

/**
 * The rows of a table before and after a migration ({@code after} is -1 where the migration dropped it).
 *
 * @param table the table, qualified
 * @param before rows before the migration
 * @param after rows after it, or -1 if the table is gone
 */
public record RowCount(String table, long before, long after) {

    /** Validates the components. */
    public RowCount {
        Objects.requireNonNull(table, "table");
    }

    /** Whether the migration removed rows (or the table) that were there before. */
    public boolean lostRows() {
        return after < before;
    }
}
