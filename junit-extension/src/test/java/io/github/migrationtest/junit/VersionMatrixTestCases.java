package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** A class that asks for two PostgreSQL majors; launched by {@link VersionMatrixTests}. */
class VersionMatrixTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "embedded", postgres = {"15", "17"})
    static class TwoMajors {
        @Test
        void runsOnTheMajorOfItsInvocation(@Migrated MigrationDatabase db) {
            assertThat(db.server().majorVersion()).isIn(15, 17);
            assertThat(db.query("select current_setting('server_version_num')::int / 10000 as major").get(0))
                    .containsEntry("major", db.server().majorVersion());
        }

        @Test
        void migratesFromEmpty(MigrationDatabase db) {
            assertThat(db.migrate().appliedIds()).containsExactly("1", "2", "3");
        }
    }
}
