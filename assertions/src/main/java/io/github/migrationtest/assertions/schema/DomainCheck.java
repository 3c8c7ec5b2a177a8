package io.github.migrationtest.assertions.schema;

import java.util.Objects;

/**
 * A check constraint of a domain.
 *
 * @param name the constraint name
 * @param definition the constraint as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK (VALUE ~ '@'::text)}
 * @param validated whether the constraint is validated (false after {@code ADD CONSTRAINT ... NOT VALID})
 */
public record DomainCheck(String name, String definition, boolean validated) {

    /** Validates the components. */
    public DomainCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
