package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A trigger on a table or view (internal triggers, such as those of foreign keys, are not listed).
 *
 * @param name the trigger name
 * @param table the table or view it is on
 * @param function the trigger function it executes
 * @param definition the trigger as {@code pg_get_triggerdef} prints it
 * @param enabled whether it fires (false after {@code ALTER TABLE ... DISABLE TRIGGER})
 * @param comment its comment, if any
 */
public record Trigger(String name, QualifiedName table, QualifiedName function, String definition, boolean enabled,
        Optional<String> comment) {

    /** Validates the components. */
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }
}
