package io.github.migrationtest.assertions;

import java.lang.reflect.InvocationTargetException;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Creates the assertion objects that navigation returns ({@code table("users")}, {@code column("email")}):
 * plain ones, or soft ones that collect their failures like the assertion they came from.
 */
abstract class Navigator {

    static final Navigator HARD = new Navigator() {
        @Override
        <A extends AbstractAssert<A, T>, T> A create(Class<A> type, Class<T> actualType, T actual) {
            try {
                return type.getConstructor(actualType).newInstance(actual);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                    | NoSuchMethodException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e);
            }
        }
    };

    abstract <A extends AbstractAssert<A, T>, T> A create(Class<A> type, Class<T> actualType, T actual);

    static Navigator soft(SoftAssertionsProvider softly) {
        return new Navigator() {
            @Override
            <A extends AbstractAssert<A, T>, T> A create(Class<A> type, Class<T> actualType, T actual) {
                return softly.proxy(type, actualType, actual);
            }
        };
    }
}
