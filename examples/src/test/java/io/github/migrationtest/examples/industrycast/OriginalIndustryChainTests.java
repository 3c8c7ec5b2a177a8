package io.github.migrationtest.examples.industrycast;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.BrokenState;
import io.github.migrationtest.scenarios.BrokenStates;
import io.github.migrationtest.scenarios.ConcurrentMigration;
import io.github.migrationtest.scenarios.ConcurrentMigrationReport;
import io.github.migrationtest.scenarios.Discovery;
import io.github.migrationtest.scenarios.Row;
import io.github.migrationtest.scenarios.Rows;
import io.github.migrationtest.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The chain as it shipped: V1 creates companies with a VARCHAR industry_type, V2 casts it to an enum. */
@MigrationTest(flyway = "classpath:incidents/industry-cast/original")
class OriginalIndustryChainTests {

    // tag::values-outside-enum[]
    @Test
    void castFailsOnLegacyValues(@At("1") MigrationDatabase db) {
        db.seed(BrokenStates.valuesOutsideEnum("companies", "industry_type", "default", "Fintech "));

        assertThat(db.migrate()).failedAt("2").withSqlState("22P02")
                .hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
    }
    // end::values-outside-enum[]

    // tag::rows[]
    @Test
    void rowsGetTheirOtherColumnsAndParentsMadeUp(@At("1") MigrationDatabase db) {
        Row company = Rows.in(db).insert("companies", "industry_type", "Fintech ");

        assertThat(company.value("industry_type")).contains("Fintech ");
        assertThat(company.value("employees")).isPresent();                 // NOT NULL, CHECK (employees > 0)
        assertThat(company.parents()).extracting(parent -> parent.table().name())
                .containsExactly("owners");                                   // owner_id NOT NULL REFERENCES owners
    }
    // end::rows[]

    // tag::discovery[]
    @Test
    void discoveryOffersTheLegacyValuesStateWithoutBeingTold(MigrationDatabase db) {
        Discovery discovery = Scenarios.discover(db);

        assertThat(discovery.scenariosOf("2")).extracting(scenario -> scenario.state().name()).containsExactly(
                "values outside enum labels: public.companies.industry_type",
                "enum created but unrecorded: public.industry",
                "objects present but unrecorded: 2");
    }
    // end::discovery[]

    // tag::discovered-scenario[]
    @Test
    void theDiscoveredStateBreaksTheCast(MigrationDatabase db) {
        Scenarios.discover(db).scenariosOf("2", BrokenState.Kind.VALUES_OUTSIDE_ENUM).get(0)
                .prepare(db);                                                 // migrates to 1, inserts the rows

        assertThat(db.migrate()).failedAt("2").hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
    }
    // end::discovered-scenario[]

    // tag::concurrent[]
    @Test
    void fourInstancesStartingTogetherApplyTheChainOnce(MigrationDatabase db) {
        ConcurrentMigrationReport report = ConcurrentMigration.run(db, 4);

        assertThat(report.failed()).isEmpty();
        // Flyway's lock serialises them migration by migration: together they apply each exactly once.
        assertThat(report.appliedBy()).containsOnlyKeys("1", "2", "3");
        assertThat(report.appliedMoreThanOnce()).isEmpty();
    }
    // end::concurrent[]
}
