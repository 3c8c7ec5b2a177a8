package io.github.migrationtest.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * {@code Store.computeIfAbsent} on every JUnit Jupiter the extension supports: JUnit 6 has
 * {@code computeIfAbsent} and deprecates {@code getOrComputeIfAbsent}, JUnit 5.12 has only the latter.
 * Neither is named in code, so the same class files compile without warnings and run on both. JUnit
 * closes {@code AutoCloseable} values when their store goes only since 5.13; on 5.12 each such value gets
 * a companion {@code CloseableResource} (its deprecated predecessor, also looked up by name) that closes it.
 */
final class Stores {

    private static final MethodHandle COMPUTE = computeMethod();
    private static final Class<?> CLOSEABLE_RESOURCE = closeableResourceIfNeeded();

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
        if (CLOSEABLE_RESOURCE != null && value instanceof AutoCloseable closeable) {
            String closerKey = "migrationtest.closer:" + key;
            if (store.get(closerKey) == null) {
                store.put(closerKey, closer(closeable));
            }
        }
        return type.cast(value);
    }

    private static Object closer(AutoCloseable value) {
        return Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {CLOSEABLE_RESOURCE},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        value.close();
                        return null;
                    }
                    if (method.getName().equals("toString")) {
                        return "closer of " + value;
                    }
                    return method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                });
    }

    /** JUnit 5.12's CloseableResource type, or null where JUnit closes AutoCloseable values itself (5.13+). */
    private static Class<?> closeableResourceIfNeeded() {
        ClassLoader loader = Store.class.getClassLoader();
        try {
            Class.forName("org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider", false, loader);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            try {
                return Class.forName("org.junit.jupiter.api.extension.ExtensionContext$Store$CloseableResource", false,
                        loader);
            } catch (ClassNotFoundException | LinkageError missing) {
                return null;
            }
        }
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
