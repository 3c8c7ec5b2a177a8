package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.SchemaDump;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.scenarios.checks.ChainChecks;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import io.github.migrationtest.scenarios.data.DataChecks;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            // One instance per class and version: it reports each cause of an unbuildable state once.
            ExtensionContext invocation = extensionContext.getParent().orElse(extensionContext);
            return Stores.computeIfAbsent(invocation.getStore(NAMESPACE), ClassChecks.class, key -> {
                ChainChecks checks = new ChainChecks(databases);
                Shard.register(checks, settings.shard());
                // @AfterAll methods of the class run in the context above the per-version invocations.
                ExtensionContext template = invocation.getParent().orElse(invocation);
                Stores.computeIfAbsent(template.getStore(NAMESPACE), SuiteReports.class, k -> new SuiteReports(),
                        SuiteReports.class).add(checks);
                return new ClassChecks(checks);
            }, ClassChecks.class).checks();
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

    /**
     * What the class's standard suite did so far, on every PostgreSQL version it ran against (added up);
     * empty if no check of it ran.
     */
    static Optional<SuiteReport> suiteReport(ExtensionContext classContext) {
        SuiteReports reports = classContext.getStore(NAMESPACE).get(SuiteReports.class, SuiteReports.class);
        ClassChecks own = classContext.getStore(NAMESPACE).get(ClassChecks.class, ClassChecks.class);
        List<SuiteReport> all = reports != null ? reports.reports()
                : own != null ? List.of(own.checks().report()) : List.of();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.size() == 1 ? all.get(0) : SuiteReports.sum(all));
    }

    /** The checks of every version of one class, for its {@code @AfterAll} methods. */
    private static final class SuiteReports {
        private final List<ChainChecks> checks = new java.util.concurrent.CopyOnWriteArrayList<>();

        void add(ChainChecks more) {
            checks.add(more);
        }

        List<SuiteReport> reports() {
            return checks.stream().filter(ChainChecks::measuredAny).map(ChainChecks::report).toList();
        }

        static SuiteReport sum(List<SuiteReport> reports) {
            java.util.Map<String, SuiteReport.CheckRun> runs = new java.util.LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            for (SuiteReport report : reports) {
                for (SuiteReport.CheckRun run : report.checks()) {
                    runs.merge(run.check(), run, (a, b) -> new SuiteReport.CheckRun(a.check(), a.tests() + b.tests(),
                            a.migrationsExecuted() + b.migrationsExecuted(), a.statesBuilt() + b.statesBuilt(),
                            a.time().plus(b.time())));
                }
                report.notes().forEach(n -> notes.add(report.server() + ": " + n));
            }
            return new SuiteReport(reports.get(0).chain(), String.join(" and ", reports.stream()
                    .map(SuiteReport::server).toList()), List.copyOf(runs.values()), notes);
        }
    }

    /** The checks of one class and version; closed with the class, when it prints what they did. */
    private record ClassChecks(ChainChecks checks) implements AutoCloseable {
        @Override
        public void close() {
            if (checks.measuredAny()) {
                System.err.println("[migrationtest] " + checks.report().describe());
            }
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
