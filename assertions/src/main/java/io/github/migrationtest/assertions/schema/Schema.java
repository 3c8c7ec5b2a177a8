package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A schema (namespace) of the database.
 *
 * @param name the schema name
 * @param comment its comment, if any
 */
public record Schema(String name, Optional<String> comment) {

    /** Validates the components. */
    public Schema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(comment, "comment");
    }
}
