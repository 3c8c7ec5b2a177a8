package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.SchemaDump;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one {@code @MigrationTest} class runs: its checked settings, its chain and one run per PostgreSQL
 * version. Made once per class and kept in the class's store; each test finds its run through the
 * class-template invocation it belongs to.
 *
 * <p>On JUnit 5.13 and later the class runs once per version through {@code @ParameterizedClass}, whose
 * invocations are numbered in the order of {@link #runs()}. JUnit 5.12 has no class templates: there the
 * class runs once, which is right for one version and refused with a one-line message for several.
 */
record ClassPlan(Class<?> testClass, MigrationTestSettings settings, MigrationChain chain, List<Run> runs) {

    private static final Namespace NAMESPACE = Namespace.create(MigrationTestExtension.class);
    private static final Pattern INVOCATION = Pattern.compile("/\\[class-template-invocation:#(\\d+)]$");
    private static final Pattern TEMPLATE = Pattern.compile("/\\[class-template:[^]]*]$");

    /**
     * One PostgreSQL version of the class.
     *
     * @param displayName the name of the class's run for this version, e.g. "PostgreSQL 17 (embedded)"
     * @param resolver the databases of the tests of this run
     */
    record Run(String displayName, DatabaseParameterResolver resolver, ReportExtension report) {
    }

    /** The plan of the {@code @MigrationTest} class that {@code context} belongs to, made on first use. */
    static ClassPlan of(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return Stores.computeIfAbsent(classContext.getStore(NAMESPACE), ClassPlan.class,
                key -> create(classContext), ClassPlan.class);
    }

    /** The run a test (or a nested class) belongs to. */
    Run runOf(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Matcher invocation = INVOCATION.matcher(c.get().getUniqueId());
            if (invocation.find() && c.get().getTestClass().filter(testClass::equals).isPresent()) {
                return runs.get(Integer.parseInt(invocation.group(1)) - 1);
            }
        }
        // No class template: JUnit 5.12, or no junit-jupiter-params; checkRunnable admitted one run only.
        return runs.get(0);
    }

    /** Fails the class before its tests when it asks for several versions and JUnit cannot run it several times. */
    void checkRunnable(ExtensionContext context) {
        if (runs.size() < 2 || TEMPLATE.matcher(classContext(context).getUniqueId()).find()) {
            return;
        }
        String versions = settings.majors().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String junit = jupiterVersion();
        String start = "@MigrationTest on " + testClass.getSimpleName() + " asks for PostgreSQL " + versions
                + ", which runs the class once per version through JUnit's @ParameterizedClass";
        if (classTemplatesExist()) {
            throw new ExtensionConfigurationException(start + ", but org.junit.jupiter:junit-jupiter-params is not"
                    + " on the test class path: add it (test scope, version " + junit + "), or ask for one version.");
        }
        throw new ExtensionConfigurationException(start + " (JUnit Jupiter 5.13 or later); this project has JUnit"
                + " Jupiter " + junit + ": set the property junit-jupiter.version to 5.14.1 or later (Spring Boot"
                + " projects; else the org.junit:junit-bom version), or ask for one version.");
    }

    private static ClassPlan create(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        MigrationTest annotation = AnnotationSupport.findAnnotation(testClass, MigrationTest.class).orElseThrow();
        try {
            // JUnit's configuration parameters: junit-platform.properties and what Gradle or an IDE passes to the launcher.
            MigrationTestSettings settings = MigrationTestSettings.of(annotation,
                    classContext::getConfigurationParameter);
            // The first version's server starts while the chain's engine loads and the chain is checked.
            PostgresServers.startEarly(settings.provider(), settings.majors().isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(settings.majors().get(0)), settings.configuration());
            ParameterChecks.check(testClass);
            MigrationChain chain = ChainFactory.create(settings, testClass);
            if (annotation.startFrom().length > 0) {
                SchemaDump.of(testClass.getClassLoader(), annotation.startFrom());   // the files exist and read
            }
            List<OptionalInt> majors = settings.majors().isEmpty() ? List.of(OptionalInt.empty())
                    : settings.majors().stream().map(OptionalInt::of).toList();
            return new ClassPlan(testClass, settings, chain,
                    majors.stream().map(major -> run(settings, chain, major)).toList());
        } catch (MigrationTestConfigurationException e) {
            throw new ExtensionConfigurationException("@MigrationTest on " + testClass.getSimpleName()
                    + " is misconfigured: " + e.getMessage(), e);
        }
    }

    private static Run run(MigrationTestSettings settings, MigrationChain chain, OptionalInt major) {
        // The provider is resolved here, once per class and version; every database of the run reuses it.
        MigrationDatabases databases = MigrationDatabases.builder().chain(chain).settings(settings.settings())
                .postgres(major).build();
        ServerProvider provider = databases.provider();
        // An external server is already running: connect now, to check it (its version among others) and to
        // learn its version, so that a mismatch fails the class rather than each test.
        OptionalInt version = provider == ServerProvider.EXTERNAL
                ? OptionalInt.of(databases.server().majorVersion())
                : major;
        String displayName = "PostgreSQL " + version.getAsInt() + " (" + provider.settingValue() + ")";
        DatabaseParameterResolver resolver = new DatabaseParameterResolver(settings, databases);
        return new Run(displayName, resolver, new ReportExtension(displayName, resolver::migrations));
    }

    /** The context of the innermost {@code @MigrationTest} class around {@code context} (not an invocation). */
    private static ExtensionContext classContext(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext candidate = c.get();
            if (candidate.getTestMethod().isEmpty() && !INVOCATION.matcher(candidate.getUniqueId()).find()
                    && candidate.getTestClass().filter(t -> AnnotationSupport.isAnnotated(t, MigrationTest.class))
                            .isPresent()) {
                return candidate;
            }
        }
        throw new ExtensionConfigurationException("No @MigrationTest class around " + context.getUniqueId());
    }

    private static boolean classTemplatesExist() {
        try {
            Class.forName("org.junit.jupiter.api.ClassTemplate", false, ClassPlan.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String jupiterVersion() {
        String version = ExtensionContext.class.getPackage().getImplementationVersion();
        return version == null ? "(version unknown)" : version;
    }
}
