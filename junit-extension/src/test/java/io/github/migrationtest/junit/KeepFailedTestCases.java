package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** A failing test whose database is kept; run in a child JVM by {@link KeepFailedTests}. */
class KeepFailedTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded",
            properties = "migrationtest.keep-failed=true")
    static class FailingTest {
        @Test
        void fails(@Migrated MigrationDatabase db) {
            db.execute("INSERT INTO accounts (email) VALUES ('kept@example.com')");
            throw new AssertionError("deliberate failure");
        }

        @Test
        void passes(MigrationDatabase db) {
            db.migrate();
        }
    }
}
