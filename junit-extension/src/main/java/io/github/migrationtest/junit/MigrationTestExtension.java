package io.github.migrationtest.junit;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@code @MigrationTest} class once per PostgreSQL major version, after checking its whole
 * configuration; each run carries a {@link DatabaseParameterResolver} for its version.
 */
final class MigrationTestExtension implements ClassTemplateInvocationContextProvider, ParameterResolver {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), MigrationTest.class);
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        MigrationTest annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class).orElseThrow();
        try {
            MigrationTestSettings settings = MigrationTestSettings.of(annotation);
            MigrationChain chain = ChainFactory.create(settings, testClass);
            List<OptionalInt> majors = settings.majors().isEmpty() ? List.of(OptionalInt.empty())
                    : settings.majors().stream().map(OptionalInt::of).toList();
            return majors.stream().map(major -> invocation(settings, chain, major)).toList().stream();
        } catch (MigrationTestConfigurationException e) {
            throw new ExtensionConfigurationException("@MigrationTest on " + testClass.getSimpleName()
                    + " is misconfigured: " + e.getMessage(), e);
        }
    }

    /** Databases belong to tests: class-level methods that ask for one get this explanation. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return extensionContext.getTestMethod().isEmpty()
                && (DatabaseParameterResolver.isDatabaseType(type) || type == SuiteReport.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == SuiteReport.class) {
            return DatabaseParameterResolver.suiteReport(extensionContext).orElseThrow(() ->
                    new ParameterResolutionException("No check of MigrationChainContract ran in "
                            + extensionContext.getDisplayName() + ", so there is no SuiteReport for "
                            + parameterContext.getDeclaringExecutable() + ". Declare it in an @AfterAll method of a"
                            + " class that implements MigrationChainContract."));
        }
        throw new ParameterResolutionException("A " + parameterContext.getParameter().getType().getSimpleName()
                + " can be injected into test methods and @BeforeEach/@AfterEach methods only: every test gets a"
                + " database of its own, so there is none for " + parameterContext.getDeclaringExecutable()
                + ". Move the setup into a @BeforeEach method.");
    }

    private static ClassTemplateInvocationContext invocation(MigrationTestSettings settings, MigrationChain chain,
            OptionalInt major) {
        ServerProvider provider = PostgresServers.resolve(settings.provider(), major, settings.configuration());
        // An external server is already running: connect now, to check it and to learn its version.
        OptionalInt version = provider == ServerProvider.EXTERNAL && major.isEmpty()
                ? OptionalInt.of(PostgresServers.acquire(provider, major, settings.configuration()).majorVersion())
                : major;
        DatabaseParameterResolver resolver = new DatabaseParameterResolver(settings, chain, provider, major);
        return new ClassTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "PostgreSQL " + version.getAsInt() + " (" + provider.settingValue() + ")";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(resolver);
            }
        };
    }
}
