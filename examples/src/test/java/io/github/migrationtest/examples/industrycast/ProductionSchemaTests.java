package io.github.migrationtest.examples.industrycast;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static io.github.migrationtest.doctor.DoctorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.doctor.Doctor;
import io.github.migrationtest.doctor.DoctorFinding;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import io.github.migrationtest.doctor.DoctorReport;
import io.github.migrationtest.doctor.LiveDatabase;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/**
 * Production's schema compared with the chain's: a pg_dump of "production" (V1 applied by Flyway, then changed by
 * hand during incidents) is the starting state; the doctor reports the drift, and the chain runs on it.
 */
// tag::production-drift[]
@MigrationTest(flyway = "classpath:incidents/industry-cast/original", startFrom = {
        "classpath:incidents/industry-cast/production-schema.sql",
        "classpath:incidents/industry-cast/production-history.sql"})
class ProductionSchemaTests {

    @Test
    void theDoctorReportsWhereProductionDriftedFromTheChain(MigrationDatabase db) {
        DoctorReport report = Doctor.of(db.chain(), db.server())
                .examine(LiveDatabase.of(db.dataSource(), db.jdbcUrl()));

        assertThat(report).hasProblemsOfKinds(Kind.DRIFT);
        assertThat(report.recordedVersion()).isEqualTo("1");
        assertThat(report.findings(Kind.DRIFT)).extracting(DoctorFinding::subject).containsExactlyInAnyOrder(
                "column public.companies.name", "index public.companies_name_lower", "table public.industry_aliases");
    }

    @Test
    void theChainRunsOnProductionsSchema(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
    }
}
// end::production-drift[]
