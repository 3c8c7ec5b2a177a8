package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ListErrors;
import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Index;
import java.util.List;
import java.util.Optional;

/** Assertions on an index: {@code index("users_email_key").isValid().isUnique().hasColumns("lower((email)::text)")}. */
public class IndexAssert extends AbstractSchemaObjectAssert<IndexAssert, Index> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public IndexAssert(Index actual) {
        super(actual, IndexAssert.class);
    }

    @Override
    protected Lookup<Index> lookupOf(Index object) {
        return Lookup.found("index", object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(Index object) {
        return object.comment();
    }

    /** Checks that the index is valid (usable by queries), as a failed {@code CREATE INDEX CONCURRENTLY} leaves it not. */
    public IndexAssert isValid() {
        checkState(existing().valid(), "valid", "invalid", Optional.of(SchemaObjectErrors.invalidIndexHint(name())));
        return myself;
    }

    /** Checks that the index is invalid. */
    public IndexAssert isInvalid() {
        checkState(!existing().valid(), "invalid", "valid");
        return myself;
    }

    /** Checks that the index is unique. */
    public IndexAssert isUnique() {
        checkState(existing().unique(), "unique", "not unique");
        return myself;
    }

    /** Checks that the index is not unique. */
    public IndexAssert isNotUnique() {
        checkState(!existing().unique(), "not unique", "unique");
        return myself;
    }

    /** Checks that the index backs the primary key. */
    public IndexAssert isPrimaryKey() {
        checkState(existing().primary(), "the primary key index", "not");
        return myself;
    }

    /**
     * Checks the key columns and expressions, exactly and in order, as the server prints them, e.g.
     * {@code "user_id"} or {@code "lower((email)::text)"}.
     */
    public IndexAssert hasColumns(String... expected) {
        List<String> keys = existing().keys();
        if (!keys.equals(List.of(expected))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "key columns", List.of(expected), keys));
        }
        return myself;
    }

    /** Checks the {@code INCLUDE} columns, exactly and in order. */
    public IndexAssert hasIncludedColumns(String... expected) {
        List<String> include = existing().include();
        if (!include.equals(List.of(expected))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "included columns", List.of(expected),
                    include));
        }
        return myself;
    }

    /** Checks that the index is partial (has a {@code WHERE} clause). */
    public IndexAssert isPartial() {
        checkState(existing().predicate().isPresent(), "partial", "not partial");
        return myself;
    }

    /** Checks the {@code WHERE} clause of a partial index as the server prints it, e.g. {@code status <> 'done'::text}. */
    public IndexAssert hasPredicate(String expected) {
        Optional<String> predicate = existing().predicate();
        if (predicate.isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldHaveButHadNone(subject(), "predicate", expected));
        }
        check("predicate", expected, predicate.get());
        return myself;
    }

    /** Checks the access method, e.g. {@code btree}, {@code gist}, {@code gin}. */
    public IndexAssert usesMethod(String expected) {
        check("method", expected, existing().method());
        return myself;
    }

    /** Checks the indexed table, {@code orders} (in public) or {@code auth.users}. */
    public IndexAssert isOn(String table) {
        String expected = table.contains(".") ? table : "public." + table;
        check("table", expected, existing().table().toString());
        return myself;
    }

    /** Checks the whole definition as {@code pg_get_indexdef} prints it. */
    public IndexAssert hasDefinition(String expected) {
        check("definition", expected, existing().definition());
        return myself;
    }
}
