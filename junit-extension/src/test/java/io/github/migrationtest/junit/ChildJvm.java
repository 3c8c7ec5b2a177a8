package io.github.migrationtest.junit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A second JVM with this test class path, minus some jars, to see what users without them see. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs a fixture in a JVM whose class path lacks the entries {@code excluded} matches, and
     * returns the failure line {@link FixtureLauncher} prints.
     */
    static String failureOf(Class<?> fixture, Predicate<String> excluded, Map<String, String> environment)
            throws IOException, InterruptedException {
        return failureIn(run(fixture, excluded, environment));
    }

    /** The failure line {@link FixtureLauncher} printed into a child JVM's output. */
    static String failureIn(String output) {
        return output.lines().filter(l -> l.startsWith(FixtureLauncher.MARKER))
                .map(l -> l.substring(FixtureLauncher.MARKER.length()).replace("\\n", "\n"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The child JVM reported no failure:\n" + output));
    }

    /**
     * Runs a fixture in a JVM whose class path has each entry replaced as {@code replacement} says, and returns
     * the failure line {@link FixtureLauncher} prints.
     */
    static String failureWithClassPath(Class<?> fixture, UnaryOperator<String> replacement)
            throws IOException, InterruptedException {
        String output = run(fixture, entry -> false, replacement, Map.of());
        return output.lines().filter(l -> l.startsWith(FixtureLauncher.MARKER))
                .map(l -> l.substring(FixtureLauncher.MARKER.length()).replace("\\n", "\n"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The child JVM reported no failure:\n" + output));
    }

    /** Runs a fixture in a JVM like {@link #failureOf} does and returns everything it printed. */
    static String run(Class<?> fixture, Predicate<String> excluded, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(fixture, excluded, UnaryOperator.identity(), environment, List.of(), List.of(), FixtureLauncher.class);
    }

    /**
     * Runs a fixture in a JVM with more JVM options and class path entries (first on the class path),
     * through the given launcher, and returns everything it printed.
     */
    static String run(Class<?> fixture, Predicate<String> excluded, Map<String, String> environment,
            List<String> jvmOptions, List<String> extraClassPath, Class<?> launcher)
            throws IOException, InterruptedException {
        return run(fixture, excluded, UnaryOperator.identity(), environment, jvmOptions, extraClassPath, launcher);
    }

    private static String run(Class<?> fixture, Predicate<String> excluded, UnaryOperator<String> replacement,
            Map<String, String> environment) throws IOException, InterruptedException {
        return run(fixture, excluded, replacement, environment, List.of(), List.of(), FixtureLauncher.class);
    }

    private static String run(Class<?> fixture, Predicate<String> excluded, UnaryOperator<String> replacement,
            Map<String, String> environment, List<String> jvmOptions, List<String> extraClassPath, Class<?> launcher)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(extraClassPath);
        Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !excluded.test(entry)).map(replacement)
                .forEach(entries::add);
        String filtered = String.join(File.pathSeparator, entries);
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", filtered, launcher.getName(), fixture.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not finish:\n" + output);
        }
        return output;
    }
}
