package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extension, compiled against this build's JUnit, on the JUnit Jupiter versions projects have: 5.12
 * (Spring Boot 3.5) and 6.0 (Spring Boot 4). Each case runs a fixture in a JVM whose JUnit jars are swapped
 * for that version's, which the build copies into target/junit-&lt;version&gt;.
 */
class JUnitVersionsTests {

    private static final String JUNIT_5_12 = System.getProperty("build.junit512.jars", "target/junit-5.12");
    private static final String JUNIT_6 = System.getProperty("build.junit6.jars", "target/junit-6");

    @Test
    void oneVersionRunsOnJUnit512() throws Exception {
        List<String> events = run(JUNIT_5_12, ValidTestCases.Accounts.class);

        assertThat(events).hasSize(1).allMatch(e -> e.startsWith("test SUCCESSFUL "));
    }

    @Test
    void severalVersionsFailBeforeAnyTestOnJUnit512WithTheVersionAndTheProperty() throws Exception {
        List<String> events = run(JUNIT_5_12, VersionMatrixTestCases.TwoMajors.class);

        assertThat(events).noneMatch(e -> e.startsWith("test "));
        assertThat(events).containsExactly("container FAILED [engine:junit-jupiter]/[class:"
                + VersionMatrixTestCases.TwoMajors.class.getName() + "] org.junit.jupiter.api.extension"
                + ".ExtensionConfigurationException: @MigrationTest on TwoMajors asks for PostgreSQL 15, 17, which runs"
                + " the class once per version through JUnit's @ParameterizedClass (JUnit Jupiter 5.13 or later); this"
                + " project has JUnit Jupiter 5.12.2: set the property junit-jupiter.version to 5.14.1 or later (Spring"
                + " Boot projects; else the org.junit:junit-bom version), or ask for one version.");
    }

    @Test
    void severalVersionsRunOnJUnit6() throws Exception {
        List<String> events = run(JUNIT_6, VersionMatrixTestCases.TwoMajors.class);

        assertThat(events).hasSize(4).allMatch(e -> e.startsWith("test SUCCESSFUL "));
        assertThat(events).filteredOn(e -> e.contains("[class-template-invocation:#2]")).hasSize(2);
    }

    /** Runs the fixture with this test class path, its JUnit jars replaced by those in {@code jars}. */
    private static List<String> run(String jars, Class<?> fixture) throws IOException, InterruptedException {
        Path directory = Paths.get(jars);
        assertThat(directory).as("JUnit jars copied by the build").isDirectory();
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(Path::toString).sorted().forEach(classPath::add);
        }
        String own = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Arrays.stream(own.split(File.pathSeparator))
                .filter(entry -> !isJUnit(Paths.get(entry).getFileName().toString()))
                .forEach(classPath::add);
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmigrationtest.embedded.binaries=" + System.getProperty("migrationtest.embedded.binaries", ""),
                "-cp", String.join(File.pathSeparator, classPath), JUnitLauncher.class.getName(), fixture.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not finish:\n" + output);
        }
        List<String> events = output.lines().filter(l -> l.startsWith(JUnitLauncher.MARKER))
                .map(l -> l.substring(JUnitLauncher.MARKER.length())).collect(Collectors.toList());
        assertThat(events).as("events of the child JVM, whose output was:%n%s", output).isNotEmpty();
        return events;
    }

    private static boolean isJUnit(String jar) {
        return jar.startsWith("junit-jupiter") || jar.startsWith("junit-platform") || jar.startsWith("jspecify");
    }
}
