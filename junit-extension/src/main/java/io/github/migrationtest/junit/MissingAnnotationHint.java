package io.github.migrationtest.junit;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Explains a database parameter in a class without {@code @MigrationTest}. There the extension is
 * not registered, so JUnit can only say that no resolver is; this listener, which the JUnit Platform
 * loads by itself ({@code META-INF/services}), says what is missing, once per class.
 */
public final class MissingAnnotationHint implements TestExecutionListener {

    private static final Set<String> TYPES = Set.of("io.github.migrationtest.core.MigrationDatabase",
            "io.github.migrationtest.scenarios.checks.ChainChecks");
    private static final String GENERIC = "No ParameterResolver registered for parameter [";

    private final Set<String> explained = ConcurrentHashMap.newKeySet();

    /** Creates the listener; the JUnit Platform does. */
    public MissingAnnotationHint() {
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        result.getThrowable().filter(ParameterResolutionException.class::isInstance)
                .map(Throwable::getMessage)
                .filter(message -> message != null && message.startsWith(GENERIC))
                .ifPresent(message -> {
                    String parameter = message.substring(GENERIC.length(), message.indexOf(']'));
                    String type = parameter.split(" ")[0];
                    int in = message.indexOf("in method [");
                    String method = in < 0 ? "" : message.substring(in + "in method [".length(), message.lastIndexOf(']'));
                    String owner = method.contains("(") ? method.substring(0, method.indexOf('(')) : method;
                    String testClass = owner.contains(".") ? owner.substring(owner.lastIndexOf(' ') + 1,
                            owner.lastIndexOf('.')) : owner;
                    if (TYPES.contains(type) && explained.add(testClass)) {
                        print(System.err, hint(type.substring(type.lastIndexOf('.') + 1), testClass));
                    }
                });
    }

    static String hint(String type, String testClass) {
        return "[migrationtest] " + testClass + " asks for a " + type + " parameter, but the class is not annotated"
                + " @MigrationTest, so no database is made for it. Annotate the class, e.g."
                + " @MigrationTest(flyway = \"classpath:db/migration\").";
    }

    private static void print(PrintStream stream, String text) {
        stream.println(text);
        stream.flush();
    }
}
