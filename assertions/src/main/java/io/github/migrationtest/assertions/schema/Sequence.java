package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence. Sequences that back identity columns are not listed: they belong to their column.
 *
 * @param name the sequence's name
 * @param dataType its data type, e.g. {@code bigint}
 * @param start the start value
 * @param increment the increment
 * @param minValue the minimum value
 * @param maxValue the maximum value
 * @param cache the number of values cached
 * @param cycle whether it wraps around
 * @param ownedBy the column that owns it ({@code schema.table.column}), as for {@code serial} columns
 * @param comment its comment, if any
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue,
        long maxValue, long cache, boolean cycle, Optional<String> ownedBy, Optional<String> comment) {

    /** Validates the components. */
    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(ownedBy, "ownedBy");
        Objects.requireNonNull(comment, "comment");
    }
}
