package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum type with its labels in their sort order ({@code enumsortorder}), so that a label added with
 * {@code ALTER TYPE ... ADD VALUE ... BEFORE} shows where it sorts, not where it was appended.
 *
 * @param name the type's name
 * @param labels the labels in sort order
 * @param comment its comment, if any
 */
public record EnumType(QualifiedName name, List<String> labels, Optional<String> comment) {

    /** Validates and copies the components. */
    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        Objects.requireNonNull(comment, "comment");
    }
}
