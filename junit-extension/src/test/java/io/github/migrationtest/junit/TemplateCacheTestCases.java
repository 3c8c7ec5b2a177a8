package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.RepeatedTest;

/** Fixtures for {@link TemplateCacheTests}; the chain is generated into target/ before they run. */
class TemplateCacheTestCases {

    static final String LOCATION = "target/generated-chains/hundred-tables";

    @MigrationTest(flyway = "filesystem:" + LOCATION, provider = "embedded")
    static class TwentyTestsOnAHundredMigrations {
        @RepeatedTest(20)
        void eachTestGetsTheMigratedSchema(@Migrated MigrationDatabase db) {
            assertThat(db.query("select count(*) as n from pg_tables where tablename like 'table_%'").get(0))
                    .containsEntry("n", 100L);
            db.execute("INSERT INTO table_1 (note) VALUES ('written by one test only')");
            assertThat(db.query("select count(*) as n from table_1").get(0)).containsEntry("n", 1L);
        }
    }
}
