package io.github.migrationtest.assertions.schema;

import io.github.migrationtest.assertions.internal.CanonicalText;
import io.github.migrationtest.assertions.internal.SchemaTree;
import io.github.migrationtest.assertions.internal.TreeDiff;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The differences between two schemas, object by object and attribute by attribute, in the order of the
 * canonical text.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(before, after);
 * System.out.println(diff.describe());
 * // table public.audit_log: added
 * // column public.users.password: type changed from text to character varying(100)
 * // column public.users.password: now not null
 * }</pre>
 */
public final class SchemaDiff {

    private final List<SchemaChange> changes;

    private SchemaDiff(List<SchemaChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * What changed from {@code expected} to {@code actual}: "added" objects are only in {@code actual}.
     *
     * @param expected the first schema, e.g. the one before a migration or the one a test expects
     * @param actual the second schema
     */
    public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
        return new SchemaDiff(TreeDiff.diff(SchemaTree.of(expected), SchemaTree.of(actual)));
    }

    /**
     * What changed between two schemas given as {@linkplain SchemaSnapshot#canonicalText() canonical text},
     * e.g. a committed snapshot file and a fresh one.
     *
     * @throws IllegalArgumentException if a text is not canonical schema text
     */
    public static SchemaDiff between(String expectedText, String actualText) {
        return new SchemaDiff(TreeDiff.diff(CanonicalText.parse(expectedText), CanonicalText.parse(actualText)));
    }

    /** The changes, in the order of the canonical text. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /** Whether the two schemas are the same. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes, one per line (a changed block of text is followed by its line diff); {@code no differences} if none. */
    public String describe() {
        return changes.isEmpty() ? "no differences"
                : changes.stream().map(SchemaChange::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
