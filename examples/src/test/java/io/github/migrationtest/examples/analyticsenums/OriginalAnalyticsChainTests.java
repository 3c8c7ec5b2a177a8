package io.github.migrationtest.examples.analyticsenums;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationFailure;
import io.github.migrationtest.core.MigrationResult;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The chain as it shipped: fine on an empty database, broken on the database production had. */
// tag::reproduce[]
@MigrationTest(flyway = "classpath:incidents/analytics-enums/original")
class OriginalAnalyticsChainTests {

    @Test
    void passesOnAnEmptyDatabase(MigrationDatabase db) {
        MigrationResult result = db.migrate();

        assertThat(result.failure()).isEmpty();
        assertThat(result.appliedIds()).containsExactly("1", "2");
    }

    @Test
    void failsOnTheRedeployWhenTheEnumExistsButItsMigrationIsNotRecorded(MigrationDatabase db) {
        AnalyticsDeployment.enumCreatedButMigrationUnrecorded(db);

        MigrationResult result = db.migrate();

        MigrationFailure failure = result.failure().orElseThrow();
        assertThat(failure.migration().orElseThrow().id()).isEqualTo("2");
        assertThat(failure.sqlState()).contains("42710");
        assertThat(failure.message()).isEqualTo("type \"platformtype\" already exists");
        assertThat(failure.statement()).hasValueSatisfying(s -> assertThat(s).startsWith("CREATE TYPE platformtype"));
    }
}
// end::reproduce[]
