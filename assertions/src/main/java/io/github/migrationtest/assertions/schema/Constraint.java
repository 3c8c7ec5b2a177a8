package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A constraint of a table: primary key, foreign key, unique, check or exclusion. NOT NULL is a property
 * of the {@linkplain Column column}.
 *
 * @param name the constraint name
 * @param table the table it belongs to
 * @param type its kind
 * @param definition the constraint as {@code pg_get_constraintdef} prints it, e.g.
 *     {@code FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE DEFERRABLE}
 * @param columns the constrained columns, in key order (empty for a check on an expression)
 * @param foreignKey what a foreign key references; empty for other kinds
 * @param deferrable whether it is DEFERRABLE
 * @param initiallyDeferred whether it is INITIALLY DEFERRED
 * @param validated whether it is validated (false after {@code ADD CONSTRAINT ... NOT VALID})
 * @param comment its comment, if any
 */
public record Constraint(String name, QualifiedName table, ConstraintType type, String definition,
        List<String> columns, Optional<ForeignKey> foreignKey, boolean deferrable, boolean initiallyDeferred,
        boolean validated, Optional<String> comment) {

    /** Validates and copies the components. */
    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(definition, "definition");
        columns = List.copyOf(columns);
        Objects.requireNonNull(foreignKey, "foreignKey");
        Objects.requireNonNull(comment, "comment");
    }
}
