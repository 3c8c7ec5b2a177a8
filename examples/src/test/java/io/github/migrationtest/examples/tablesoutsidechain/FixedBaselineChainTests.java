package io.github.migrationtest.examples.tablesoutsidechain;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.junit.StartFrom;
import org.junit.jupiter.api.Test;

/**
 * The fixed chain: an idempotent baseline (so a baseline at 0 may run it on production), the repairs in a
 * transactional migration, and the CONCURRENTLY indexes in a migration of their own, which Flyway runs outside a
 * transaction - with its lock outside a transaction too, or CREATE INDEX CONCURRENTLY waits for it forever.
 */
// tag::fixed-baseline-settings[]
@MigrationTest(flyway = "classpath:incidents/tables-outside-chain/fixed", properties = {
        "flyway.baselineOnMigrate=true", "flyway.baselineVersion=0", "flyway.postgresql.transactional.lock=false"})
// end::fixed-baseline-settings[]
class FixedBaselineChainTests {

    // tag::fixed-baseline[]
    @Test
    void deploysOnTheTablesCreatedOutsideTheChain(
            @StartFrom("classpath:incidents/tables-outside-chain/production-schema.sql") MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2", "3", "4");

        assertThat(db).table("users").column("password").hasType("text").isNotNull();
        assertThat(db).table("content").column("project_id").hasType("integer");
        assertThat(db).index("idx_content_project_id").isValid();   // built CONCURRENTLY, outside a transaction
    }
    // end::fixed-baseline[]

    @Test
    void deploysOnAnEmptyDatabaseToo(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2", "3", "4");
        assertThat(db).index("idx_content_user_id").isValid();
    }
}
