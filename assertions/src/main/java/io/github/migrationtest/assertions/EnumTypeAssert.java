package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ListErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assertions on an enum type: {@code enumType("industry").hasLabels("tech", "media", "retail")}. */
public class EnumTypeAssert extends AbstractSchemaObjectAssert<EnumTypeAssert, EnumType> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public EnumTypeAssert(EnumType actual) {
        super(actual, EnumTypeAssert.class);
    }

    @Override
    protected Lookup<EnumType> lookupOf(EnumType object) {
        return Lookup.found("enum", object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(EnumType object) {
        return object.comment();
    }

    /** Checks the labels: exactly these, in this (sort) order. */
    public EnumTypeAssert hasLabels(String... expected) {
        List<String> labels = existing().labels();
        if (!labels.equals(List.of(expected))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "labels", List.of(expected), labels));
        }
        return myself;
    }

    /** Checks that the type has these labels, in any order, among others. */
    public EnumTypeAssert containsLabels(String... expected) {
        List<String> labels = existing().labels();
        if (!labels.containsAll(List.of(expected))) {
            throw assertionError(ListErrors.shouldContain(subject(), "labels", List.of(expected), labels));
        }
        return myself;
    }

    /** Checks that the type has none of these labels. */
    public EnumTypeAssert doesNotContainLabels(String... unwanted) {
        List<String> labels = existing().labels();
        List<String> found = new ArrayList<>(List.of(unwanted));
        found.retainAll(labels);
        if (!found.isEmpty()) {
            throw assertionError(ListErrors.shouldNotContain(subject(), "labels", List.of(unwanted), labels));
        }
        return myself;
    }
}
