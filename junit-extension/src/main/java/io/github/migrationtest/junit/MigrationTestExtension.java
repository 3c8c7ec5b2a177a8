package io.github.migrationtest.junit;

import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Checks a {@code @MigrationTest} class's whole configuration before its tests and gives each test the
 * databases of the PostgreSQL version its run is for. Uses only JUnit 5.12 API, so that it loads on
 * every supported JUnit; the runs per version come from {@link PostgresVersionsSource} where JUnit has
 * class templates.
 */
final class MigrationTestExtension
        implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback, InvocationInterceptor {

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassPlan.of(context).checkRunnable(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (extensionContext.getTestMethod().isEmpty()) {
            // Databases belong to tests: class-level methods that ask for one get an explanation; an @AfterAll
            // method of a contract class may ask for what the suite did.
            Class<?> type = parameterContext.getParameter().getType();
            return DatabaseParameterResolver.isDatabaseType(type) || type == SuiteReport.class;
        }
        return resolver(extensionContext).supportsParameter(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (extensionContext.getTestMethod().isEmpty()
                && parameterContext.getParameter().getType() == SuiteReport.class) {
            return DatabaseParameterResolver.suiteReport(extensionContext).orElseThrow(() ->
                    new ParameterResolutionException("No check of MigrationChainContract ran in "
                            + extensionContext.getDisplayName() + ", so there is no SuiteReport for "
                            + parameterContext.getDeclaringExecutable() + ". Declare it in an @AfterAll method of a"
                            + " class that implements MigrationChainContract."));
        }
        if (extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("A " + parameterContext.getParameter().getType().getSimpleName()
                    + " can be injected into test methods and @BeforeEach/@AfterEach methods only: every test gets a"
                    + " database of its own, so there is none for " + parameterContext.getDeclaringExecutable()
                    + ". Move the setup into a @BeforeEach method.");
        }
        return resolver(extensionContext).resolveParameter(parameterContext, extensionContext);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        resolver(context).afterTestExecution(context);
    }

    /** Records each check of the standard suite in the class's report (see {@link ReportExtension}). */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        ClassPlan.of(extensionContext).runOf(extensionContext).report()
                .interceptDynamicTest(invocation, invocationContext, extensionContext);
    }

    private static DatabaseParameterResolver resolver(ExtensionContext context) {
        ClassPlan plan = ClassPlan.of(context);
        return plan.runOf(context).resolver();
    }
}
