package io.github.migrationtest.examples.tablesoutsidechain;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static io.github.migrationtest.doctor.DoctorAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.doctor.Doctor;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import io.github.migrationtest.doctor.DoctorReport;
import io.github.migrationtest.doctor.LiveDatabase;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/**
 * The chain as it shipped, against production as pg_dump 15 wrote it: tables made by hand, no history. Flyway
 * alone refuses such a database; the deploy told it to baseline at 0 and run every migration, as other tools do.
 */
// tag::tables-outside-chain[]
@MigrationTest(flyway = "classpath:incidents/tables-outside-chain/original",
        startFrom = "classpath:incidents/tables-outside-chain/production-schema.sql",
        properties = {"flyway.baselineOnMigrate=true", "flyway.baselineVersion=0"})
class OriginalBaselineChainTests {

    @Test
    void theFirstMigrationMeetsTheTablesCreatedOutsideTheChain(MigrationDatabase db) {
        assertThat(db.migrate()).failedAt("1")
                .withSqlState("42P07")
                .withMessageContaining("relation \"users\" already exists")
                .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
    }

    @Test
    void theDoctorSaysSoBeforeTheDeploy(MigrationDatabase db) {
        DoctorReport report = Doctor.of(db.chain(), db.server())
                .examine(LiveDatabase.of(db.dataSource(), db.jdbcUrl()));

        assertThat(report).hasProblemsOfKinds(Kind.OBJECTS_WITHOUT_HISTORY, Kind.OBJECT_ALREADY_EXISTS, Kind.CHAIN_FAILS);
    }
}
// end::tables-outside-chain[]
