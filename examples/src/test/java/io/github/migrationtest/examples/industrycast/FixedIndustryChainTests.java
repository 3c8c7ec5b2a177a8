package io.github.migrationtest.examples.industrycast;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.BrokenState;
import io.github.migrationtest.scenarios.BrokenStates;
import io.github.migrationtest.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The fixed chain: V2 maps the legacy values before the cast, and every migration is safe to run again. */
@MigrationTest(flyway = "classpath:incidents/industry-cast/fixed")
class FixedIndustryChainTests {

    // tag::fixed-survives[]
    @Test
    void mapsLegacyValuesBeforeTheCast(@At("1") MigrationDatabase db) {
        db.seed(BrokenStates.valuesOutsideEnum("companies", "industry_type", "default", "Media ")
                .and(BrokenStates.enumCreatedButUnrecorded("2")));            // states compose

        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
        assertThat(db.query("select industry_type::text as industry from companies order by id"))
                .extracting(row -> row.get("industry")).containsExactly("other", "media");
    }
    // end::fixed-survives[]

    @Test
    void survivesItsOwnRunThatWasNotRecorded(MigrationDatabase db) {
        Scenarios.discover(db).scenariosOf("2", BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED).get(0).prepare(db);

        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
        assertThat(db).table("companies").column("industry_type").hasType("industry");
    }
}
