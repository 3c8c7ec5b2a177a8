package io.github.migrationtest.examples.draftstatus;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.junit.Migrated;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The fixed chain: V2 creates draft_status explicitly, before V3 creates the table that uses it. */
@MigrationTest(flyway = "classpath:incidents/draft-status/fixed")
class FixedDraftStatusChainTests {

    // tag::type-first[]
    @Test
    void theChainOwnsTheTypeAndTheSetUpUsesTheMigratedSchema(@Migrated MigrationDatabase db) {
        assertThat(db).enumType("draft_status").hasLabels("streaming", "partial", "complete", "editing", "exported");

        db.execute("INSERT INTO users (email) VALUES ('a@example.com');"
                + " INSERT INTO drafts (user_id) SELECT id FROM users");
        assertThat(db.query("select status::text as status from drafts")).extracting(row -> row.get("status"))
                .containsExactly("streaming");
    }

    @Test
    void theTestSetUpCreatesTheModelsTypesFirst(@At("1") MigrationDatabase db) {
        db.seed(ApplicationModel.typesCreatedFromTheModel());

        assertThat(db.migrate()).failedAt("2")                              // at the type, saying what is wrong
                .withMessageContaining("type \"draft_status\" already exists")
                .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
    }
    // end::type-first[]
}
