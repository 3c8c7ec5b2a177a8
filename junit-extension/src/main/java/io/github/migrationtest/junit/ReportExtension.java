package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.scenarios.internal.data.ProfileLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.opentest4j.TestAbortedException;

/**
 * Records the outcome of every check (every dynamic test of the contracts) of a {@code @MigrationTest}
 * class, with the profile a data check measured, and writes the class's report when its run for one
 * server ends: {@code target/migrationtest/<TestClass>.html} and {@code .json}.
 */
final class ReportExtension implements InvocationInterceptor {

    private static final Path DIRECTORY = Path.of("target", "migrationtest");

    private final String server;
    private final Function<ExtensionContext, List<Migration>> migrations;

    ReportExtension(String server, Function<ExtensionContext, List<Migration>> migrations) {
        this.server = server;
        this.migrations = migrations;
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        ProfileLog.take();
        long start = System.nanoTime();
        String status = "passed";
        String message = "";
        try {
            invocation.proceed();
        } catch (TestAbortedException e) {
            status = "skipped";
            message = String.valueOf(e.getMessage());
            throw e;
        } catch (Throwable e) {
            status = "failed";
            message = String.valueOf(e.getMessage());
            throw e;
        } finally {
            Optional<MigrationProfile> profile = ProfileLog.take();
            String check = extensionContext.getParent().map(ExtensionContext::getDisplayName).orElse("");
            String test = extensionContext.getDisplayName();
            long millis = (System.nanoTime() - start) / 1_000_000;
            try {
                section(extensionContext).add(new ReportEntry(check, test, status, message, millis, profile));
            } catch (RuntimeException e) {
                // The report must never change a test's outcome; a chain that cannot even be listed has its own red test.
                System.err.println("[migrationtest] No report entry for " + test + ": " + e.getMessage());
            }
        }
    }

    private static Class<?> testClass(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().isPresent()) {
                return c.get().getTestClass().get();
            }
        }
        throw new IllegalStateException("A dynamic test outside a test class: " + context.getUniqueId());
    }

    private ChainReport.Section section(ExtensionContext context) {
        ExtensionContext invocation = context;
        // Up to the class template's invocation: the run of the class for one server.
        while (invocation.getParent().isPresent() && !invocation.getElement().filter(e -> e instanceof Class).isPresent()) {
            invocation = invocation.getParent().get();
        }
        ExtensionContext classLevel = invocation;
        Class<?> testClass = testClass(context);
        return Stores.computeIfAbsent(classLevel.getStore(ExtensionContext.Namespace.create(ReportExtension.class,
                server)), ChainReport.Section.class, key -> ChainReport.of(testClass, DIRECTORY)
                        .section(server, migrations.apply(classLevel)), ChainReport.Section.class);
    }
}
