package io.github.migrationtest.examples.draftstatus;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The chain as it shipped: V2 creates draft_status inline with its table, only if it is missing. */
@MigrationTest(flyway = "classpath:incidents/draft-status/original")
class OriginalDraftStatusChainTests {

    // tag::model-first[]
    @Test
    void theTestSetUpCreatesTheModelsTypesFirst(@At("1") MigrationDatabase db) {
        db.seed(ApplicationModel.typesCreatedFromTheModel());

        assertThat(db.migrate()).failedAt("2")
                .withSqlState("22P02")
                .withMessageContaining("invalid input value for enum draft_status: \"streaming\"");
    }
    // end::model-first[]
}
