package io.github.migrationtest.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationTests {

    private static final String KEY = "migrationtest.provider";

    @Test
    void explicitValuesWinOverEverything() {
        Configuration configuration = Configuration.of(Map.of(KEY, "external"), Map.of(KEY, "docker"),
                Map.of("MIGRATIONTEST_PROVIDER", "embedded"), file(KEY, "auto"));

        assertThat(configuration.get(Setting.PROVIDER)).isEqualTo("external");
    }

    @Test
    void systemPropertiesWinOverEnvironmentAndFile() {
        Configuration configuration = Configuration.of(Map.of(), Map.of(KEY, "docker"),
                Map.of("MIGRATIONTEST_PROVIDER", "embedded"), file(KEY, "auto"));

        assertThat(configuration.get(Setting.PROVIDER)).isEqualTo("docker");
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        Configuration configuration = Configuration.of(Map.of(), Map.of(),
                Map.of("MIGRATIONTEST_PROVIDER", "embedded"), file(KEY, "auto"));

        assertThat(configuration.get(Setting.PROVIDER)).isEqualTo("embedded");
    }

    @Test
    void configurationParametersComeAfterEnvironmentAndBeforeTheFile() {
        Map<String, String> parameters = Map.of(KEY, "docker");

        assertThat(Configuration.of(Map.of(), Map.of(), Map.of("MIGRATIONTEST_PROVIDER", "embedded"), parameters,
                file(KEY, "auto")).get(Setting.PROVIDER)).isEqualTo("embedded");
        assertThat(Configuration.of(Map.of(), Map.of(), Map.of(), parameters, file(KEY, "auto"))
                .get(Setting.PROVIDER)).isEqualTo("docker");
        assertThat(Configuration.of(Map.of(), Map.of(), Map.of(), parameters, new Properties())
                .with(Map.of(KEY, "external")).get(Setting.PROVIDER)).isEqualTo("external");
    }

    @Test
    void theFileWinsOverTheDefault() {
        Configuration configuration = Configuration.of(Map.of(), Map.of(), Map.of(), file(KEY, "external"));

        assertThat(configuration.get(Setting.PROVIDER)).isEqualTo("external");
        assertThat(configuration.isSet(Setting.PROVIDER)).isTrue();
    }

    @Test
    void blankValuesCountAsNotSet() {
        Configuration configuration = Configuration.of(Map.of(KEY, " "), Map.of(KEY, ""), Map.of(), new Properties());

        assertThat(configuration.get(Setting.PROVIDER)).isEqualTo("auto");
        assertThat(configuration.isSet(Setting.PROVIDER)).isFalse();
    }

    @Test
    void environmentVariableNamesAreDerivedFromKeys() {
        assertThat(Setting.KEEP_FAILED.environmentVariable()).isEqualTo("MIGRATIONTEST_KEEP_FAILED");
        assertThat(Setting.EXTERNAL_URL.environmentVariable()).isEqualTo("MIGRATIONTEST_EXTERNAL_URL");
    }

    @Test
    void flagsAcceptOnlyTrueOrFalse() {
        Configuration configuration = Configuration.of(Map.of("migrationtest.keep-failed", "yes"), Map.of(), Map.of(),
                new Properties());

        assertThatThrownBy(() -> configuration.flag(Setting.KEEP_FAILED))
                .hasMessage("migrationtest.keep-failed is 'yes', but must be true or false. Set it with"
                        + " -Dmigrationtest.keep-failed=..., the environment variable MIGRATIONTEST_KEEP_FAILED,"
                        + " migrationtest.properties or the @MigrationTest attribute.");
    }

    @Test
    void durationsInShortAndIsoForm() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
        assertThat(Durations.parse("PT2M")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("0s")).isEmpty();
        assertThat(Durations.parse("soon")).isEmpty();
    }

    @Test
    void prefixedKeysFromExplicitValuesAndTheFile() {
        Properties file = file("flyway.placeholders.owner", "app");
        file.setProperty("flyway.defaultSchema", "billing");
        Configuration configuration = Configuration.of(Map.of("flyway.defaultSchema", "audit"), Map.of(), Map.of(), file);

        assertThat(configuration.withPrefix("flyway.")).containsExactly(
                Map.entry("flyway.defaultSchema", "audit"), Map.entry("flyway.placeholders.owner", "app"));
    }

    @Test
    void engineKeysAreNotTakenFromSystemPropertiesWhichBuildToolsUseForThemselves() {
        System.setProperty("flyway.version", "10.0.0");
        try {
            assertThat(Configuration.load(Map.of("flyway.table", "history")).withPrefix("flyway."))
                    .containsOnlyKeys("flyway.table");
        } finally {
            System.clearProperty("flyway.version");
        }
    }

    @Test
    void anUnknownKeyIsRejectedFromEverySourceWithTheClosestKnownOne() {
        assertThatThrownBy(() -> UnknownKeys.check(Map.of("migrationtest.keepfailed", "true"), Map.of(), Set.of(), ""))
                .hasMessageStartingWith("The system property -Dmigrationtest.keepfailed sets unknown key"
                        + " 'migrationtest.keepfailed'. Did you mean 'migrationtest.keep-failed'? The keys are:"
                        + " migrationtest.provider, ");
        assertThatThrownBy(() -> UnknownKeys.check(Map.of(), Map.of("MIGRATIONTEST_PROVDER", "embedded"), Set.of(), ""))
                .hasMessageStartingWith("The environment variable MIGRATIONTEST_PROVDER is not a migrationtest setting."
                        + " Did you mean MIGRATIONTEST_PROVIDER? The variables are: MIGRATIONTEST_PROVIDER, ");
        assertThatThrownBy(() -> UnknownKeys.check(Map.of(), Map.of(), Set.of("migrationtest.migration-timout"),
                "file:/app/test-classes/migrationtest.properties"))
                .hasMessageStartingWith("migrationtest.properties (file:/app/test-classes/migrationtest.properties) sets"
                        + " unknown key 'migrationtest.migration-timout'. Did you mean 'migrationtest.migration-timeout'?");
    }

    @Test
    void keysOfOtherToolsAndTheBuildsOwnKeysAreLeftAlone() {
        UnknownKeys.check(Map.of("flyway.version", "", "migrationtest.require-docker", "", "user.home", ""),
                Map.of("MIGRATIONTEST_REQUIRE_DOCKER", "true", "MIGRATIONTEST_KEEP_FAILED", "true", "PATH", "/bin"),
                Set.of("flyway.locations", "migrationtest.provider"), "");
    }

    @Test
    void aPasswordGivenAsSystemPropertyIsTakenOutOfTheSystemPropertiesWhichSurefireWritesIntoItsReports() {
        System.setProperty("migrationtest.external.password", "s3cret");
        try {
            Configuration configuration = Configuration.load();

            assertThat(System.getProperty("migrationtest.external.password")).isEqualTo("(hidden by migrationtest)");
            assertThat(configuration.get(Setting.EXTERNAL_PASSWORD)).isEqualTo("s3cret");
            assertThat(Configuration.load().get(Setting.EXTERNAL_PASSWORD)).isEqualTo("s3cret");
        } finally {
            System.clearProperty("migrationtest.external.password");
        }
        // Clearing the property still means "not set".
        assertThat(Configuration.load().isSet(Setting.EXTERNAL_PASSWORD)).isFalse();
    }

    private static Properties file(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
