package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.internal.Names;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of the assertions on one schema object that a test navigated to by name. The object may be missing:
 * then {@link #doesNotExist()} passes and every other check fails saying so, with what exists instead.
 *
 * @param <SELF> the assertion's own type
 * @param <ACTUAL> the type of object
 */
public abstract class AbstractSchemaObjectAssert<SELF extends AbstractSchemaObjectAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private Lookup<ACTUAL> lookup;
    private Navigator navigator = Navigator.HARD;

    /**
     * Creates the assertion on an object that exists.
     *
     * @param actual the object
     * @param selfType the assertion's own class
     */
    protected AbstractSchemaObjectAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** How messages name an object of this kind that a test did not navigate to, e.g. {@code table public.users}. */
    protected abstract Lookup<ACTUAL> lookupOf(ACTUAL object);

    /** The object's comment. */
    protected abstract Optional<String> commentOf(ACTUAL object);

    void locate(Lookup<ACTUAL> located, Navigator by) {
        this.lookup = located;
        this.navigator = by;
    }

    Lookup<ACTUAL> lookup() {
        if (lookup == null) {
            Objects.requireNonNull(actual, "the object to check");
            lookup = lookupOf(actual);
        }
        return lookup;
    }

    Navigator navigator() {
        return navigator;
    }

    /** How messages name the object, e.g. {@code column public.users.email}. */
    protected String subject() {
        return lookup().subject();
    }

    /** The object's (qualified) name as messages give it, e.g. {@code public.users}. */
    protected String name() {
        return lookup().name();
    }

    /** The object; fails if it does not exist (or its name is ambiguous). */
    protected ACTUAL existing() {
        Lookup<ACTUAL> located = lookup();
        if (located.ambiguity().isPresent()) {
            throw assertionError(SchemaObjectErrors.ambiguousName(located.ambiguity().get()));
        }
        if (located.value().isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldExist(located.subject(), located.missingContext()));
        }
        return located.value().get();
    }

    <A extends AbstractSchemaObjectAssert<A, T>, T> A navigate(Class<A> type, Class<T> actualType, Lookup<T> target) {
        return navigate(navigator, type, actualType, target);
    }

    static <A extends AbstractSchemaObjectAssert<A, T>, T> A navigate(Navigator by, Class<A> type, Class<T> actualType,
            Lookup<T> target) {
        A child = by.create(type, actualType, target.value().orElse(null));
        child.locate(target, by);
        return child;
    }

    /** A lookup among this object's members, or a missing one saying that this object is missing. */
    <T> Lookup<T> member(String kind, String plural, String memberName, Function<ACTUAL, List<T>> members,
            Function<T, String> nameOf, String requested) {
        Lookup<ACTUAL> located = lookup();
        if (located.value().isEmpty()) {
            return Lookup.missing(kind, memberName, missingParent());
        }
        return Names.member(kind, plural, memberName, located.subject(), requested, members.apply(located.value().get()),
                nameOf);
    }

    /** Why objects of this object are missing when this object itself is: it does not exist. */
    String missingParent() {
        Lookup<ACTUAL> located = lookup();
        return located.ambiguity().orElseGet(() -> "The " + located.subject() + " does not exist."
                + (located.missingContext().isEmpty() ? "" : " " + located.missingContext()));
    }

    /** Checks that the object exists. */
    public SELF exists() {
        existing();
        return myself;
    }

    /** Checks that the object does not exist. */
    public SELF doesNotExist() {
        Lookup<ACTUAL> located = lookup();
        if (located.ambiguity().isPresent()) {
            throw assertionError(SchemaObjectErrors.ambiguousName(located.ambiguity().get()));
        }
        if (located.value().isPresent()) {
            throw assertionError(SchemaObjectErrors.shouldNotExist(located.subject()));
        }
        return myself;
    }

    /** Checks the object's comment ({@code COMMENT ON ...}). */
    public SELF hasComment(String expected) {
        Optional<String> comment = commentOf(existing());
        if (comment.isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldHaveButHadNone(subject(), "comment", expected));
        }
        if (!comment.get().equals(expected)) {
            throw assertionError(SchemaObjectErrors.shouldHave(subject(), "comment", expected, comment.get()));
        }
        return myself;
    }

    /** Fails with "expected attribute ... but had ..." unless the two are equal. */
    void check(String attribute, String expected, String actualValue) {
        if (!expected.equals(actualValue)) {
            throw assertionError(SchemaObjectErrors.shouldHave(subject(), attribute, expected, actualValue));
        }
    }

    /** Fails with "expected to be ... but it is ..." unless the condition holds. */
    void checkState(boolean holds, String expectedState, String actualState) {
        checkState(holds, expectedState, actualState, Optional.empty());
    }

    void checkState(boolean holds, String expectedState, String actualState, Optional<String> hint) {
        if (!holds) {
            throw assertionError(SchemaObjectErrors.shouldBe(subject(), expectedState, actualState, hint));
        }
    }

    /** Fails unless the text contains the part. */
    void checkContains(String attribute, String part, String actualValue) {
        if (!actualValue.contains(part)) {
            throw assertionError(SchemaObjectErrors.shouldContain(subject(), attribute, part, actualValue));
        }
    }
}
