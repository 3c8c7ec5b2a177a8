package io.github.migrationtest.assertions.schema;

import io.github.migrationtest.assertions.internal.ChangeText;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between two schemas: an object added or removed, or one attribute of an object changed.
 *
 * @param type what happened to the object
 * @param subject the object, e.g. {@code column public.users.password}
 * @param attribute for a change, the attribute that differs, e.g. {@code type}
 * @param before the attribute's value in the first (expected) schema; for a removed column, its type
 * @param after the attribute's value in the second (actual) schema; for an added column, its type
 */
public record SchemaChange(Type type, String subject, Optional<String> attribute, Optional<String> before,
        Optional<String> after) {

    /** What happened to an object between the two schemas. */
    public enum Type {
        /** The object is only in the second schema. */
        ADDED,
        /** The object is only in the first schema. */
        REMOVED,
        /** The object is in both, with an attribute that differs. */
        CHANGED
    }

    /** Validates the components. */
    public SchemaChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * The change as a line of a review, e.g. {@code column public.users.password: type changed from text to
     * character varying(100)}; a changed block of text (a view, a function) follows as a line diff.
     */
    public String describe() {
        return ChangeText.describe(this);
    }

    @Override
    public String toString() {
        return describe();
    }
}
