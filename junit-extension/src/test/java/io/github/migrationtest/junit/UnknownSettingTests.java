package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelled {@code migrationtest.*} key fails the class from every source, not only from the
 * annotation: each case runs in a JVM that has it set the way users set it.
 */
class UnknownSettingTests {

    private static final String PREFIX = "org.junit.jupiter.api.extension.ExtensionConfigurationException:"
            + " @MigrationTest on Accounts is misconfigured: ";

    @Test
    void fromASystemProperty() throws Exception {
        String output = ChildJvm.run(ValidTestCases.Accounts.class, entry -> false, Map.of(),
                List.of("-Dmigrationtest.keepfailed=true"), List.of(), FixtureLauncher.class);

        assertThat(ChildJvm.failureIn(output)).startsWith(PREFIX + "The system property -Dmigrationtest.keepfailed"
                + " sets unknown key 'migrationtest.keepfailed'. Did you mean 'migrationtest.keep-failed'?");
    }

    @Test
    void fromAnEnvironmentVariable() throws Exception {
        String failure = ChildJvm.failureOf(ValidTestCases.Accounts.class, entry -> false,
                Map.of("MIGRATIONTEST_KEEPFAILED", "true"));

        assertThat(failure).startsWith(PREFIX + "The environment variable MIGRATIONTEST_KEEPFAILED is not a"
                + " migrationtest setting. Did you mean MIGRATIONTEST_KEEP_FAILED?");
    }

    @Test
    void fromThePropertiesFile(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("migrationtest.properties"), "migrationtest.keepfailed=true\n");

        String output = ChildJvm.run(ValidTestCases.Accounts.class, entry -> false, Map.of(), List.of(),
                List.of(directory.toString()), FixtureLauncher.class);

        assertThat(ChildJvm.failureIn(output)).startsWith(PREFIX + "migrationtest.properties (file:" + directory
                + "/migrationtest.properties) sets unknown key 'migrationtest.keepfailed'. Did you mean"
                + " 'migrationtest.keep-failed'?");
    }
}
