package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.SchemaDump;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.scenarios.checks.ChainChecks;
import io.github.migrationtest.scenarios.data.DataChecks;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods their databases for one PostgreSQL version of a {@code @MigrationTest} class.
 * Holds only the immutable settings of that version; each test's databases live in the test's store,
 * which drops them when the test ends.
 */
final class DatabaseParameterResolver implements ParameterResolver, AfterTestExecutionCallback {

    private static final Namespace NAMESPACE = Namespace.create(MigrationTestExtension.class);
    private static final String OPENED = "databases";

    private final MigrationTestSettings settings;
    private final MigrationDatabases databases;

    DatabaseParameterResolver(MigrationTestSettings settings, MigrationDatabases databases) {
        this.settings = settings;
        this.databases = databases;
    }

    static boolean isDatabaseType(Class<?> type) {
        return type == MigrationDatabase.class || type == DataSource.class || type == Connection.class
                || type == ChainChecks.class || type == DataChecks.class;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Class-level methods (@BeforeAll, constructors) are answered by MigrationTestExtension.
        return extensionContext.getTestMethod().isPresent()
                && parameterContext.getDeclaringExecutable() instanceof Method
                && isDatabaseType(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == ChainChecks.class) {
            openSession(extensionContext);
            return new ChainChecks(databases);
        }
        if (parameterContext.getParameter().getType() == DataChecks.class) {
            openSession(extensionContext);
            return new DataChecks(databases);
        }
        DatabaseState state = DatabaseState.of(parameterContext.getParameter());
        ExtensionContext.Store store = extensionContext.getStore(NAMESPACE);
        MigrationDatabase database = database(extensionContext, state);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == Connection.class) {
            return Stores.computeIfAbsent(store, "connection:" + state.key(), key -> connect(database),
                    CloseableConnection.class).connection();
        }
        return database;
    }

    /** The test's database in the given state, shared by every parameter (and extension) that asks for it. */
    MigrationDatabase database(ExtensionContext context, DatabaseState state) {
        return Stores.computeIfAbsent(context.getStore(NAMESPACE), "database:" + state.key(),
                key -> open(state, context), MigrationDatabase.class);
    }

    /**
     * A migrated database for the whole class, for frameworks that need one before any test (an
     * application context starting). Kept under its own key: stores inherit their parents' values, so a
     * class-level "database:head" would be every test's.
     */
    MigrationDatabase classDatabase(ExtensionContext classContext) {
        return Stores.computeIfAbsent(classContext.getStore(NAMESPACE), "class-database",
                key -> openUnrecorded(DatabaseState.HEAD, classContext), MigrationDatabase.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (!settings.keepFailed() || context.getExecutionException().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<MigrationDatabase> opened = context.getStore(NAMESPACE).get(OPENED, List.class);
        if (opened == null) {
            return;
        }
        for (MigrationDatabase database : opened) {
            String message = database.keep();
            context.publishReportEntry("migrationtest.kept-database", message);
            System.err.println("[migrationtest] " + context.getDisplayName() + " failed. " + message);
        }
    }

    /** The chain's migrations on this resolver's server, for the report. */
    List<Migration> migrations(ExtensionContext context) {
        openSession(context);
        return databases.migrations();
    }

    private MigrationDatabase open(DatabaseState state, ExtensionContext context) {
        openSession(context);
        MigrationDatabase database = openUnrecorded(state, context);
        openedDatabases(context).add(database);
        return database;
    }

    private MigrationDatabase openUnrecorded(DatabaseState state, ExtensionContext context) {
        openSession(context);
        List<String> start = state.start().isEmpty() ? List.of(settings.annotation().startFrom()) : state.start();
        try {
            if (start.isEmpty()) {
                return state.migrated() ? databases.at(state.target()) : databases.empty();
            }
            SchemaDump dump = SchemaDump.of(context.getRequiredTestClass().getClassLoader(), start.toArray(String[]::new));
            return state.migrated() ? databases.startingFrom(dump, state.target()) : databases.startingFrom(dump);
        } catch (MigrationTestException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static void openSession(ExtensionContext context) {
        // The root store closes when the run ends; the last open session stops the servers.
        Stores.computeIfAbsent(context.getRoot().getStore(NAMESPACE), PostgresServers.Session.class,
                key -> PostgresServers.openSession(), PostgresServers.Session.class);
    }

    @SuppressWarnings("unchecked")
    private static List<MigrationDatabase> openedDatabases(ExtensionContext context) {
        return Stores.computeIfAbsent(context.getStore(NAMESPACE), OPENED, key -> new ArrayList<MigrationDatabase>(),
                List.class);
    }

    private static CloseableConnection connect(MigrationDatabase database) {
        try {
            return new CloseableConnection(database.connect());
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not connect to " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** A connection the test's store closes when the test ends. */
    private record CloseableConnection(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
