package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Trigger;
import java.util.Optional;

/** Assertions on a trigger: {@code table("users").trigger("users_touch").executes("touch").isEnabled()}. */
public class TriggerAssert extends AbstractSchemaObjectAssert<TriggerAssert, Trigger> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public TriggerAssert(Trigger actual) {
        super(actual, TriggerAssert.class);
    }

    @Override
    protected Lookup<Trigger> lookupOf(Trigger object) {
        return Lookup.found("trigger", object.table() + "." + object.name(), object);
    }

    @Override
    protected Optional<String> commentOf(Trigger object) {
        return object.comment();
    }

    /** Checks the trigger function, {@code touch} (in public) or {@code audit.touch}. */
    public TriggerAssert executes(String function) {
        String expected = function.contains(".") ? function : "public." + function;
        check("function", expected, existing().function().toString());
        return myself;
    }

    /** Checks that the trigger fires. */
    public TriggerAssert isEnabled() {
        checkState(existing().enabled(), "enabled", "disabled");
        return myself;
    }

    /** Checks that the trigger is disabled. */
    public TriggerAssert isDisabled() {
        checkState(!existing().enabled(), "disabled", "enabled");
        return myself;
    }

    /** Checks that the definition contains the text, e.g. {@code BEFORE UPDATE}. */
    public TriggerAssert hasDefinitionContaining(String text) {
        checkContains("a definition", text, existing().definition());
        return myself;
    }
}
