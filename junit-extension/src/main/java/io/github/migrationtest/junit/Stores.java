package io.github.migrationtest.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * {@code Store.computeIfAbsent} on every JUnit Jupiter the extension supports: JUnit 6 has
 * {@code computeIfAbsent} and deprecates {@code getOrComputeIfAbsent}, JUnit 5.12 has only the latter.
 * Neither is named in code, so the same class files compile without warnings and run on both.
 */
final class Stores {

    private static final MethodHandle COMPUTE = computeMethod();

    private Stores() {
    }

    static <K, V> V computeIfAbsent(Store store, K key, Function<K, V> creator, Class<V> type) {
        Object value;
        try {
            value = COMPUTE.invoke(store, key, creator, type);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return type.cast(value);
    }

    private static MethodHandle computeMethod() {
        MethodType signature = MethodType.methodType(Object.class, Object.class, Function.class, Class.class);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (String name : new String[] {"computeIfAbsent", "getOrComputeIfAbsent"}) {
            try {
                return lookup.findVirtual(Store.class, name, signature);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // the other name is there
            }
        }
        throw new IllegalStateException("ExtensionContext.Store has neither computeIfAbsent nor getOrComputeIfAbsent");
    }
}
