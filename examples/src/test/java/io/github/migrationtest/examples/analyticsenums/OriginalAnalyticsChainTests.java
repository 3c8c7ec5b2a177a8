package io.github.migrationtest.examples.analyticsenums;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/**
 * The chain as it shipped: fine on an empty database, broken on the database production had. Its
 * schema on an empty database is committed as head.schema, which the fixed chain must match.
 */
// tag::reproduce[]
@MigrationTest(flyway = "classpath:incidents/analytics-enums/original")
class OriginalAnalyticsChainTests {

    @Test
    void passesOnAnEmptyDatabase(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2");
    }

    @Test
    void failsOnTheRedeployWhenTheEnumExistsButItsMigrationIsNotRecorded(MigrationDatabase db) {
        AnalyticsDeployment.enumCreatedButMigrationUnrecorded(db);

        assertThat(db.migrate())
                .failedAt("2")
                .withSqlState("42710")
                .withMessageContaining("type \"platformtype\" already exists")
                .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
    }
}
// end::reproduce[]
