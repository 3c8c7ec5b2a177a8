package io.github.migrationtest.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one fixture class with the plain Launcher API (which every JUnit Platform version has, unlike the
 * test kit's) and prints one line per finished test or failed container, for {@link JUnitVersionsTests}.
 */
public final class JUnitLauncher {

    static final String MARKER = "JUNIT-EVENT ";

    private JUnitLauncher() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class<?> fixture = Class.forName(args[0]);
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                        if (identifier.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            String failure = result.getThrowable().map(t -> " " + t.getClass().getName() + ": "
                                    + t.getMessage()).orElse("");
                            System.out.println(MARKER + (identifier.isTest() ? "test " : "container ")
                                    + result.getStatus() + " " + identifier.getUniqueId() + failure.replace("\n", "\\n"));
                        }
                    }
                });
    }
}
