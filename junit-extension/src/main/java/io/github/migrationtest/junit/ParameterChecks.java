package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Checks, before any test of a class runs, that {@link At} and {@link Migrated} sit on parameters
 * that can take a database: without it, JUnit says only that no resolver is registered.
 */
final class ParameterChecks {

    private static final List<Class<?>> STATE_TYPES = List.of(MigrationDatabase.class, DataSource.class, Connection.class);

    private ParameterChecks() {
    }

    static void check(Class<?> testClass) {
        for (Method method : ReflectionSupport.findMethods(testClass, m -> m.getParameterCount() > 0,
                HierarchyTraversalMode.TOP_DOWN)) {
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                Optional<String> annotation = AnnotationSupport.findAnnotation(parameter, At.class)
                        .map(at -> "@At(\"" + at.value() + "\")")
                        .or(() -> AnnotationSupport.isAnnotated(parameter, Migrated.class)
                                ? Optional.of("@Migrated") : Optional.empty());
                if (annotation.isPresent() && !STATE_TYPES.contains(parameter.getType())) {
                    throw new MigrationTestConfigurationException(annotation.get() + " is on parameter " + (i + 1)
                            + " of " + describe(method) + ", a " + parameter.getType().getSimpleName() + ", but it"
                            + " applies only to MigrationDatabase, DataSource and Connection parameters. Change the"
                            + " parameter's type, or remove " + annotation.get() + ".");
                }
            }
        }
    }

    private static String describe(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }
}
