package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a table.
 *
 * @param name the column name
 * @param type its type as {@code format_type} prints it, e.g. {@code character varying(100)} or {@code text[]}
 * @param notNull whether it is NOT NULL
 * @param defaultExpression its default expression, if any (identity and generated columns have none)
 * @param identity how it generates identity values, if it is an identity column
 * @param generation how it is computed, if it is a generated column
 * @param collation its collation, when it differs from its type's default
 * @param comment its comment, if any
 */
public record Column(String name, String type, boolean notNull, Optional<String> defaultExpression,
        Optional<Identity> identity, Optional<Generation> generation, Optional<String> collation,
        Optional<String> comment) {

    /** Validates the components. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(collation, "collation");
        Objects.requireNonNull(comment, "comment");
    }
}
