package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.QualifiedName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row {@link Rows} inserted, as the database stored it.
 *
 * @param table the table it went into
 * @param values the value of every column that is not NULL, as text, in column order; given, made up,
 *     or the database's default
 * @param parents the rows created first because its foreign keys needed them (each with its own parents)
 */
public record Row(QualifiedName table, Map<String, String> values, List<Row> parents) {

    /** Validates and copies the components. */
    public Row {
        Objects.requireNonNull(table, "table");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        parents = List.copyOf(parents);
    }

    /** The value of a column as text; empty when it is NULL. */
    public Optional<String> value(String column) {
        return Optional.ofNullable(values.get(column));
    }
}
