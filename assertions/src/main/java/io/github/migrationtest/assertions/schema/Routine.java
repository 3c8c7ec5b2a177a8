package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A function, procedure or aggregate. Overloads are distinct routines: their {@linkplain #signature()
 * signatures} differ.
 *
 * @param name the routine's name
 * @param identityArguments the input argument types that identify it among overloads, e.g. {@code integer, integer}
 * @param kind function, procedure, aggregate or window function
 * @param arguments the full argument list with names, modes and defaults
 * @param returns the return type, e.g. {@code integer} or {@code trigger}; empty for a procedure
 * @param language the language, e.g. {@code plpgsql}
 * @param definition the {@code CREATE OR REPLACE} statement as {@code pg_get_functiondef} prints it (with
 *     volatility, security and body); empty for an aggregate
 * @param comment its comment, if any
 */
public record Routine(QualifiedName name, String identityArguments, RoutineKind kind, String arguments,
        Optional<String> returns, String language, Optional<String> definition, Optional<String> comment) {

    /** Validates the components. */
    public Routine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identityArguments, "identityArguments");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }

    /** The name with the identity arguments, e.g. {@code public.add(integer, integer)}. */
    public String signature() {
        return name + "(" + identityArguments + ")";
    }
}
