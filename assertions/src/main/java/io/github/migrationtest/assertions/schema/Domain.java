package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain: a base type with optional NOT NULL, default, collation and checks.
 *
 * @param name the domain's name
 * @param baseType the base type as {@code format_type} prints it, e.g. {@code character varying(320)}
 * @param notNull whether the domain is NOT NULL
 * @param defaultExpression its default expression, if any
 * @param collation its collation, when it differs from the base type's
 * @param checks its check constraints, by name
 * @param comment its comment, if any
 */
public record Domain(QualifiedName name, String baseType, boolean notNull, Optional<String> defaultExpression,
        Optional<String> collation, List<DomainCheck> checks, Optional<String> comment) {

    /** Validates and copies the components. */
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(collation, "collation");
        checks = List.copyOf(checks);
        Objects.requireNonNull(comment, "comment");
    }
}
