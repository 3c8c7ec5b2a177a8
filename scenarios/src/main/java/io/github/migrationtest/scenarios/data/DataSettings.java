package io.github.migrationtest.scenarios.data;

import io.github.migrationtest.core.model.Diagnosis;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the "applies to data" check populates its databases and what it expects: rows per table (a
 * default and per-table counts, e.g. many rows where lock timing matters), the seed of the generated
 * values, the lock budget, and the migrations expected to fail on data with a diagnosis. Immutable;
 * each method returns a changed copy.
 *
 * <pre>{@code
 * DataSettings.defaults()
 *         .rows("orders", 200_000)
 *         .lockBudget(LockBudget.blockingAtMost(Duration.ofMillis(200)))
 *         .expectFailure("7", Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
 * }</pre>
 *
 * @param defaultRows rows generated in every table without a count of its own
 * @param rowsByTable rows per table, by name ({@code orders} or {@code billing.orders})
 * @param seed the seed of the generated values; part of the populated states' fingerprint
 * @param budget the lock budget, if any
 * @param expectedFailures the diagnosis each named migration is expected to fail with
 */
public record DataSettings(int defaultRows, Map<String, Integer> rowsByTable, long seed, Optional<LockBudget> budget,
        Map<String, Diagnosis> expectedFailures) {

    /** The rows of a table when no count is set: enough for duplicates and every adversarial value, cheap to make. */
    public static final int DEFAULT_ROWS = 200;

    /** Validates and copies the components. */
    public DataSettings {
        if (defaultRows < 0) {
            throw new IllegalArgumentException("Rows per table cannot be negative: " + defaultRows);
        }
        rowsByTable = Map.copyOf(rowsByTable);
        Objects.requireNonNull(budget, "budget");
        expectedFailures = Map.copyOf(expectedFailures);
    }

    /** {@value #DEFAULT_ROWS} rows per table, seed 1, no lock budget, every migration expected to succeed. */
    public static DataSettings defaults() {
        return new DataSettings(DEFAULT_ROWS, Map.of(), 1, Optional.empty(), Map.of());
    }

    /** These settings with {@code rows} rows in every table without a count of its own. */
    public DataSettings rows(int rows) {
        return new DataSettings(rows, rowsByTable, seed, budget, expectedFailures);
    }

    /** These settings with {@code rows} rows in the table ({@code orders} or {@code billing.orders}). */
    public DataSettings rows(String table, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("Rows of " + table + " cannot be negative: " + rows);
        }
        Map<String, Integer> more = new HashMap<>(rowsByTable);
        more.put(table, rows);
        return new DataSettings(defaultRows, more, seed, budget, expectedFailures);
    }

    /** These settings with another seed for the generated values. */
    public DataSettings seed(long value) {
        return new DataSettings(defaultRows, rowsByTable, value, budget, expectedFailures);
    }

    /** These settings with a lock budget every migration must keep. */
    public DataSettings lockBudget(LockBudget value) {
        return new DataSettings(defaultRows, rowsByTable, seed, Optional.of(value), expectedFailures);
    }

    /** These settings expecting the migration to fail on a populated database with {@code diagnosis}. */
    public DataSettings expectFailure(String migrationId, Diagnosis diagnosis) {
        Map<String, Diagnosis> more = new HashMap<>(expectedFailures);
        more.put(migrationId, Objects.requireNonNull(diagnosis, "diagnosis"));
        return new DataSettings(defaultRows, rowsByTable, seed, budget, more);
    }

    /** The rows to generate in a table, by its schema and name. */
    public int rowsOf(String schema, String table) {
        Integer qualified = rowsByTable.get(schema + "." + table);
        if (qualified != null) {
            return qualified;
        }
        return rowsByTable.getOrDefault(table, defaultRows);
    }

    /** The diagnosis the migration is expected to fail with, if it is expected to fail. */
    public Optional<Diagnosis> expectedFailure(String migrationId) {
        return Optional.ofNullable(expectedFailures.get(migrationId));
    }

    /** A text that differs whenever the populated states would: the seed and the row counts. */
    public String fingerprint() {
        return seed + "|" + defaultRows + "|" + new java.util.TreeMap<>(rowsByTable);
    }
}
