package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.server.ServerProvider;
import org.junit.jupiter.api.Test;

/** One chain on each provider; launched by {@link ProviderTests}. */
class ProviderTestCases {

    @MigrationTest(flyway = "classpath:db/accounts", provider = "docker", postgres = {"15", "17"})
    static class OnDocker {
        @Test
        void migrates(@Migrated MigrationDatabase db) {
            assertThat(db.server().provider()).isEqualTo(ServerProvider.DOCKER);
            assertThat(db.query("select count(*) as n from accounts").get(0)).containsEntry("n", 0L);
        }
    }

    /** Reads its server from system properties that {@link ProviderTests} sets. */
    @MigrationTest(flyway = "classpath:db/accounts", provider = "external")
    static class OnExternal {
        @Test
        void migrates(@Migrated MigrationDatabase db) {
            assertThat(db.server().provider()).isEqualTo(ServerProvider.EXTERNAL);
            assertThat(db.server().address().user()).isEqualTo("ci_runner");
        }
    }
}
