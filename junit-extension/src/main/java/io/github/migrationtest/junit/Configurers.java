package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Creates the classes an annotation names (a {@code flywayConfigurer}), saying exactly why one cannot be. */
final class Configurers {

    private Configurers() {
    }

    static <T> T create(Class<T> type, String attribute) {
        String subject = "@MigrationTest(" + attribute + " = " + type.getSimpleName() + ".class): " + type.getName();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MigrationTestConfigurationException(subject + " is abstract. Name a concrete class with a public"
                    + " no-argument constructor.");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MigrationTestConfigurationException(subject + " is an inner class, which needs an instance of "
                    + type.getEnclosingClass().getSimpleName() + " to be created. Declare it static.");
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrationTestConfigurationException(subject + " has no no-argument constructor (it has "
                    + Arrays.stream(type.getDeclaredConstructors()).map(Configurers::describe)
                    .collect(Collectors.joining(", ")) + "). Add a public no-argument constructor; values it needs"
                    + " can come from @MigrationTest(properties).", e);
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MigrationTestConfigurationException(subject + "'s constructor threw " + cause.getClass().getName()
                    + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrationTestConfigurationException(subject + " cannot be created (" + e + "). Give it a public"
                    + " no-argument constructor.", e);
        }
    }

    private static String describe(Constructor<?> constructor) {
        return constructor.getDeclaringClass().getSimpleName() + "(" + Arrays.stream(constructor.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }
}
