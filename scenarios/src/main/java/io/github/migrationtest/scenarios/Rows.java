package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.scenarios.internal.RowFiller;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inserts the rows a test cares about and makes up everything else they need: the values of the table's
 * other NOT NULL columns (of their type, accepted by their checks, fresh for unique ones) and the parent
 * rows their foreign keys reference, created the same way, recursively.
 *
 * <pre>{@code
 * Rows rows = Rows.in(db);
 * rows.insert("companies", "industry_type", "default");           // name, created_at, owner_id... made up
 * rows.insert("orders", Map.of("status", "shipped"));              // a customer row is created for customer_id
 * }</pre>
 *
 * <p>It reads the database's structure when it is created: create another after migrating. Columns with
 * a default, identity and generated columns are left to the database. Where no value can be found - a check
 * no candidate satisfies, a cycle of NOT NULL foreign keys, a type it cannot make up - the error names the
 * column or constraint that stopped it, and the fix is to give that column a value.
 */
public final class Rows {

    private final RowFiller filler;

    private Rows(MigrationDatabase database) {
        this.filler = new RowFiller(database);
    }

    /** Rows for the database as it is now. */
    public static Rows in(MigrationDatabase database) {
        return new Rows(Objects.requireNonNull(database, "database"));
    }

    /**
     * Inserts one row.
     *
     * @param table the table, {@code users} or {@code auth.users}
     * @param values values by column, as Java values or the text PostgreSQL reads (a {@code null} value
     *     inserts NULL; use a {@link HashMap} for that)
     * @return the row as stored
     * @throws MigrationTestException naming the table, column or constraint that stopped it
     */
    public Row insert(String table, Map<String, ?> values) {
        return toRow(filler.insert(table, values));
    }

    /** Inserts one row with a value for one column; see {@link #insert(String, Map)}. */
    public Row insert(String table, String column, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(column, value);
        return insert(table, values);
    }

    /** Inserts one row per value, each with that value for the column; see {@link #insert(String, Map)}. */
    public List<Row> insertEach(String table, String column, Object... values) {
        List<Row> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(insert(table, column, value));
        }
        return rows;
    }

    static Row toRow(RowFiller.InsertedRow inserted) {
        Map<String, String> values = new LinkedHashMap<>();
        inserted.values().forEach((column, value) -> {
            if (value != null) {
                values.put(column, value);
            }
        });
        return new Row(inserted.table(), Collections.unmodifiableMap(values),
                inserted.parents().stream().map(Rows::toRow).toList());
    }
}
