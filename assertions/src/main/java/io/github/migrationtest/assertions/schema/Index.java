package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index of a table or materialized view, including those that back constraints.
 *
 * @param name the index name (indexes are named uniquely per schema)
 * @param table the indexed table or materialized view
 * @param method the access method, e.g. {@code btree}, {@code gist}
 * @param unique whether it is unique
 * @param primary whether it backs the primary key
 * @param valid whether it is valid; a failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind
 * @param keys the key columns and expressions, in order, e.g. {@code [user_id, lower(email)]}
 * @param include the {@code INCLUDE} columns
 * @param predicate the {@code WHERE} clause of a partial index
 * @param definition the index as {@code pg_get_indexdef} prints it
 * @param comment its comment, if any
 */
public record Index(QualifiedName name, QualifiedName table, String method, boolean unique, boolean primary,
        boolean valid, List<String> keys, List<String> include, Optional<String> predicate, String definition,
        Optional<String> comment) {

    /** Validates and copies the components. */
    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(method, "method");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }
}
