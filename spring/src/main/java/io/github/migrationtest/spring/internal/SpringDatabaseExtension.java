package io.github.migrationtest.spring.internal;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.TestDatabases;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points the application context's {@code DataSource} at the running test's database: the migrated clone,
 * or the state an {@code @At} parameter of the test asks for (the parameter and the context then share the
 * database).
 */
public final class SpringDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        // A context that starts in this class (Hibernate reads metadata, validates the schema) needs a database.
        CurrentDatabase.startWith(() -> TestDatabases.ofClass(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CurrentDatabase.set(TestDatabases.of(context, stateOf(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CurrentDatabase.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CurrentDatabase.endClass();
    }

    private static Optional<String> stateOf(ExtensionContext context) {
        return context.getTestMethod().stream().flatMap(m -> Arrays.stream(m.getParameters()))
                .filter(SpringDatabaseExtension::isDatabase)
                .map(p -> AnnotationSupport.findAnnotation(p, At.class).map(At::value))
                .flatMap(Optional::stream).findFirst();
    }

    private static boolean isDatabase(Parameter parameter) {
        Class<?> type = parameter.getType();
        return type == MigrationDatabase.class || type == DataSource.class || type == Connection.class;
    }
}
