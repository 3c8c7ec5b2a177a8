package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Routine;
import io.github.migrationtest.assertions.schema.RoutineKind;
import java.util.Optional;

/** Assertions on a function or procedure: {@code function("add(integer, integer)").returns("integer")}. */
public class RoutineAssert extends AbstractSchemaObjectAssert<RoutineAssert, Routine> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public RoutineAssert(Routine actual) {
        super(actual, RoutineAssert.class);
    }

    @Override
    protected Lookup<Routine> lookupOf(Routine object) {
        return Lookup.found(object.kind() == RoutineKind.PROCEDURE ? "procedure" : "function", object.signature(),
                object);
    }

    @Override
    protected Optional<String> commentOf(Routine object) {
        return object.comment();
    }

    /** Checks the return type, e.g. {@code integer}, {@code trigger}, {@code SETOF orders}. */
    public RoutineAssert returns(String expected) {
        Optional<String> returns = existing().returns();
        if (returns.isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldHaveButHadNone(subject(), "return type", expected));
        }
        if (!TypeNames.same(expected, returns.get())) {
            check("return type", expected, returns.get());
        }
        return myself;
    }

    /** Checks the language, e.g. {@code plpgsql}. */
    public RoutineAssert hasLanguage(String expected) {
        check("language", expected, existing().language());
        return myself;
    }

    /** Checks the full argument list with names and defaults, e.g. {@code a integer, b integer DEFAULT 0}. */
    public RoutineAssert hasArguments(String expected) {
        check("arguments", expected, existing().arguments());
        return myself;
    }

    /** Checks that the definition ({@code CREATE OR REPLACE ...} with the body) contains the text. */
    public RoutineAssert hasDefinitionContaining(String text) {
        checkContains("a definition", text, existing().definition().orElse(""));
        return myself;
    }
}
