package io.github.migrationtest.assertions.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a {@link SchemaSnapshot} reads.
 *
 * <pre>{@code
 * SchemaSnapshot.of(dataSource, SnapshotOptions.defaults().withSchemas("auth", "billing"));
 * }</pre>
 *
 * @param schemas the schemas to read; empty means every schema except the system ones ({@code pg_catalog},
 *     {@code information_schema}, {@code pg_toast*}, {@code pg_temp*})
 * @param historyTables the names of migration history tables: they are left out of the schema and read as the
 *     {@linkplain SchemaSnapshot#history() history}; compared without regard to case
 */
public record SnapshotOptions(List<String> schemas, List<String> historyTables) {

    /** The history tables of Flyway and Liquibase under their default names. */
    public static final List<String> DEFAULT_HISTORY_TABLES =
            List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    /** Validates and copies the components. */
    public SnapshotOptions {
        schemas = List.copyOf(schemas);
        historyTables = List.copyOf(historyTables);
    }

    /** Every non-system schema; the default history tables. */
    public static SnapshotOptions defaults() {
        return new SnapshotOptions(List.of(), DEFAULT_HISTORY_TABLES);
    }

    /** These options reading only the given schemas. */
    public SnapshotOptions withSchemas(String... names) {
        return new SnapshotOptions(List.of(names), historyTables);
    }

    /**
     * These options with more history table names, e.g. for Flyway's {@code flyway.table} or Liquibase's
     * {@code databaseChangeLogTableName}.
     */
    public SnapshotOptions withHistoryTables(String... names) {
        List<String> all = Stream.concat(historyTables.stream(), Arrays.stream(names)).distinct()
                .collect(Collectors.toUnmodifiableList());
        return new SnapshotOptions(schemas, all);
    }

    /** Whether a table of this name is a history table. */
    public boolean isHistoryTable(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        return historyTables.stream().anyMatch(h -> h.equalsIgnoreCase(tableName));
    }
}
