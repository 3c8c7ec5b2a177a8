package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** Correctly configured fixtures, run by tests that change the machine around them. */
class ValidTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded")
    static class Accounts {
        @Test
        void migrates(MigrationDatabase db) {
            assertThat(db.migrate().succeeded()).isTrue();
        }
    }
}
