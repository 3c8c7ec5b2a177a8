package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** Classes whose settings come from JUnit configuration parameters; launched by {@link ConfigurationParameterTests}. */
class ConfigurationParameterTestCases {

    /** Says nothing about versions or provider: the configuration parameters do. */
    @MigrationTest(flyway = "classpath:db/accounts")
    static class VersionFromParameters {
        @Test
        void migrates(@Migrated MigrationDatabase db) {
            assertThat(db.query("select count(*) as n from accounts").get(0)).containsEntry("n", 0L);
        }
    }

    /** Names its version: the annotation wins over a configuration parameter. */
    @MigrationTest(flyway = "classpath:db/accounts", postgres = "17")
    static class VersionInTheAnnotation {
        @Test
        void migrates(@Migrated MigrationDatabase db) {
            assertThat(db.server().majorVersion()).isEqualTo(17);
        }
    }
}
