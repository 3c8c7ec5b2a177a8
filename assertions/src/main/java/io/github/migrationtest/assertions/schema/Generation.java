package io.github.migrationtest.assertions.schema;

import java.util.Objects;

/**
 * How a generated column computes its value.
 *
 * @param expression the generation expression, e.g. {@code (price * (quantity)::numeric)}
 * @param stored whether the value is stored ({@code STORED}); PostgreSQL 18 also has virtual columns
 */
public record Generation(String expression, boolean stored) {

    /** Validates the components. */
    public Generation {
        Objects.requireNonNull(expression, "expression");
    }

    /** The generation as the canonical text prints it, e.g. {@code (a + b) stored}. */
    public String text() {
        return expression + (stored ? " stored" : " virtual");
    }
}
