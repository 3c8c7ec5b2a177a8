package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table, partitioned table, partition or foreign table with its columns, constraints, indexes and triggers.
 *
 * @param name the table's name
 * @param kind what kind of table it is
 * @param columns its columns in their order
 * @param constraints its constraints, by name
 * @param indexes its indexes, by name
 * @param triggers its triggers, by name
 * @param partitionKey for a partitioned table, its key as {@code pg_get_partkeydef} prints it, e.g. {@code RANGE (day)}
 * @param partitionOf for a partition, its parent
 * @param partitionBound for a partition, its bound, e.g. {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}
 * @param unlogged whether it is UNLOGGED
 * @param rowLevelSecurity whether row-level security is enabled
 * @param options its storage parameters, e.g. {@code fillfactor=70}
 * @param comment its comment, if any
 */
public record Table(QualifiedName name, TableKind kind, List<Column> columns, List<Constraint> constraints,
        List<Index> indexes, List<Trigger> triggers, Optional<String> partitionKey, Optional<QualifiedName> partitionOf,
        Optional<String> partitionBound, boolean unlogged, boolean rowLevelSecurity, List<String> options,
        Optional<String> comment) {

    /** Validates and copies the components. */
    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(partitionOf, "partitionOf");
        Objects.requireNonNull(partitionBound, "partitionBound");
        options = List.copyOf(options);
        Objects.requireNonNull(comment, "comment");
    }

    /** The column with this name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The names of the columns, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).collect(Collectors.toUnmodifiableList());
    }

    /** The constraint with this name. */
    public Optional<Constraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    /** The primary key, if the table has one. */
    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(c -> c.type() == ConstraintType.PRIMARY_KEY).findFirst();
    }

    /** The constraints of one kind, by name. */
    public List<Constraint> constraints(ConstraintType type) {
        return constraints.stream().filter(c -> c.type() == type).collect(Collectors.toUnmodifiableList());
    }

    /** The index with this name (unqualified; it lives in the table's schema). */
    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().name().equals(indexName)).findFirst();
    }

    /** The trigger with this name. */
    public Optional<Trigger> trigger(String triggerName) {
        return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
    }
}
