package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** Fixtures with one configuration mistake each; launched by {@link MisconfigurationTests} only. */
class MisconfiguredTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "docker")
    static class DockerWanted {
        @Test
        void test(MigrationDatabase db) {
        }
    }


    @MigrationTest
    static class NoChain {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", liquibase = "db/changelog.yaml")
    static class TwoChains {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/does-not-exist")
    static class MissingLocation {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "filesystem:/nonexistent/migrations")
    static class MissingFileSystemLocation {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "kubernetes")
    static class UnknownProvider {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", postgres = "9.6")
    static class UnknownVersion {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", postgres = "11")
    static class UnsupportedVersion {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", properties = "flyway.placeholders.owner")
    static class PropertyWithoutValue {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", properties = "migrationtest.keep-faild=true")
    static class MisspelledSetting {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", properties = "migrationtest.migration-timeout=soon")
    static class UnreadableTimeout {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded", postgres = "13",
            properties = "migrationtest.embedded.binaries=/nonexistent/pg")
    static class EmbeddedBinariesMissing {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "external")
    static class ExternalWithoutUrl {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
    static class AtUnknownVersion {
        @Test
        void test(@At("42") MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
    static class DatabaseInBeforeAll {
        @org.junit.jupiter.api.BeforeAll
        static void setUp(MigrationDatabase db) {
        }

        @Test
        void test() {
        }
    }
    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded",
            flywayConfigurer = ConfigurerWithoutNoArgConstructor.class)
    static class ConfigurerNeedsArguments {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    /** A configurer that wants a value in its constructor. */
    static class ConfigurerWithoutNoArgConstructor implements io.github.migrationtest.core.flyway.FlywayConfigurer {
        ConfigurerWithoutNoArgConstructor(String schema) {
        }

        @Override
        public void configure(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
    static class AtOnAString {
        @Test
        void test(@At("2") String version) {
        }
    }
    @MigrationTest(flyway = "classpth:db/accounts", provider = "embedded")
    static class MisspelledLocationPrefix {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded", properties = "flyway.placeholderPrefx=#{")
    static class UnknownFlywayProperty {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/duplicate-versions", provider = "embedded")
    static class DuplicateVersions {
        @Test
        void test(MigrationDatabase db) {
        }
    }
    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded",
            properties = "migrationtest.embedded.data-directory=/tmp/migrationtest-private-700/pgdata")
    static class DataDirectoryTheServerAccountCannotEnter {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded",
            properties = "migrationtest.embedded.data-directory=/proc/migrationtest")
    static class DataDirectoryThatCannotBeCreated {
        @Test
        void test(MigrationDatabase db) {
        }
    }

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded",
            properties = "migrationtest.embedded.os-user=no-such-account")
    static class UnknownOsUser {
        @Test
        void test(MigrationDatabase db) {
        }
    }
    @MigrationTest(flyway = "classpath:db/accounts", provider = "external", postgres = "15")
    static class ExternalServerOfAnotherVersion {
        @Test
        void test(MigrationDatabase db) {
        }
    }
    @MigrationTest(flyway = "classpath:db/accounts", properties = "migrationtest.connect-timeout=forever")
    static class UnreadableConnectTimeout {
        @Test
        void test(MigrationDatabase db) {
        }
    }
}
