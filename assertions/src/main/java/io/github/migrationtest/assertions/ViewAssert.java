package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.Trigger;
import io.github.migrationtest.assertions.schema.View;
import java.util.Optional;

/** Assertions on a view or materialized view: {@code materializedView("order_totals").isPopulated()}. */
public class ViewAssert extends AbstractSchemaObjectAssert<ViewAssert, View> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public ViewAssert(View actual) {
        super(actual, ViewAssert.class);
    }

    @Override
    protected Lookup<View> lookupOf(View object) {
        return Lookup.found(object.kind(), object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(View object) {
        return object.comment();
    }

    /** Checks that this is a materialized view. */
    public ViewAssert isMaterialized() {
        checkState(existing().materialized(), "a materialized view", "a plain view");
        return myself;
    }

    /** Checks that a materialized view holds data (it was not created {@code WITH NO DATA}, or was refreshed since). */
    public ViewAssert isPopulated() {
        checkState(existing().populated(), "populated", "not populated",
                Optional.of("Queries on it fail until REFRESH MATERIALIZED VIEW " + name() + "; runs."));
        return myself;
    }

    /** Checks that a materialized view holds no data yet. */
    public ViewAssert isNotPopulated() {
        checkState(!existing().populated(), "not populated", "populated");
        return myself;
    }

    /**
     * Checks the query as {@code pg_get_viewdef} prints it; runs of white space (line breaks, indentation) count
     * as one space.
     */
    public ViewAssert hasDefinition(String expected) {
        String definition = existing().definition();
        if (!squeeze(definition).equals(squeeze(expected))) {
            throw assertionError(SchemaObjectErrors.shouldHave(subject(), "definition", expected.strip(),
                    definition.strip()));
        }
        return myself;
    }

    /** Checks that the query contains the text (white space counts as in {@link #hasDefinition}). */
    public ViewAssert hasDefinitionContaining(String text) {
        String definition = existing().definition();
        if (!squeeze(definition).contains(squeeze(text))) {
            checkContains("a definition", text, definition.strip());
        }
        return myself;
    }

    /** The index of a materialized view with this (unqualified) name. */
    public IndexAssert index(String name) {
        String schema = name().substring(0, name().indexOf('.') + 1);
        return navigate(IndexAssert.class, Index.class,
                member("index", "indexes", schema + name, View::indexes, i -> i.name().name(), name));
    }

    /** The trigger of a view with this name. */
    public TriggerAssert trigger(String name) {
        return navigate(TriggerAssert.class, Trigger.class,
                member("trigger", "triggers", name() + "." + name, View::triggers, Trigger::name, name));
    }

    private static String squeeze(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
