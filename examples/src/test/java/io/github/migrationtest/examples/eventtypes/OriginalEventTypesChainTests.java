package io.github.migrationtest.examples.eventtypes;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.BrokenStates;
import org.junit.jupiter.api.Test;

/** The chain as it shipped: V2 is a Java migration that catches "already exists", V3 assumes auth.users. */
@MigrationTest(flyway = "classpath:incidents/eventtypes/original")
class OriginalEventTypesChainTests {

    // tag::swallowed-error[]
    @Test
    void rerunOnADatabaseThatHasTheLabel(@At("1") MigrationDatabase db) {
        db.seed(BrokenStates.enumLabelAlreadyPresent("eventtype", "archived"));

        assertThat(db.migrate()).failedAt("2")
                .withSqlState("25P02")                                 // the swallowed error aborted the transaction
                .hasDiagnosis(Diagnosis.ERROR_SWALLOWED_IN_TRANSACTION);
    }
    // end::swallowed-error[]

    // tag::missing-auth-schema[]
    @Test
    void freshDatabaseWithoutThePlatformsAuthSchema(MigrationDatabase db) {
        assertThat(db.migrate()).failedAt("3")
                .withSqlState("3F000")
                .withMessageContaining("schema \"auth\" does not exist")
                .hasDiagnosis(Diagnosis.MISSING_SCHEMA);
    }
    // end::missing-auth-schema[]
}
