package io.github.migrationtest.examples.engines;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.ContractSettings;
import io.github.migrationtest.junit.Migrated;
import io.github.migrationtest.junit.MigrationChainContract;
import io.github.migrationtest.scenarios.BrokenState;
import org.junit.jupiter.api.Test;

/**
 * What the accounts chain must do, whichever engine runs it: the subclasses only say where the chain
 * is. Implementing {@link MigrationChainContract} adds the standard suite (clean install, rerun,
 * upgrade from every version, up-down-up, schema drift).
 */
// tag::behaviour[]
abstract class AccountsChainBehaviour implements MigrationChainContract {

    @Override
    public ContractSettings contract() {
        return ContractSettings.defaults()
                // Both engines must build exactly this schema.
                .snapshot("src/test/resources/engines/accounts.schema")
                // Migration 2 is not safe to run again, and the test below shows why: its failures are
                // known and diagnosed, so the suite expects them instead of failing.
                .expectFailure("2", BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED, Diagnosis.OBJECT_EXISTS_UNRECORDED)
                .expectFailure("2", BrokenState.Kind.ENUM_CREATED_BUT_UNRECORDED, Diagnosis.OBJECT_EXISTS_UNRECORDED);
    }

    @Test
    void migratesAnEmptyDatabase(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2", "3");
        assertThat(db).table("accounts").column("status").hasType("account_status").isNotNullable();
    }

    @Test
    void upgradesFromTheFirstVersion(@At("1") MigrationDatabase db) {
        assertThat(db).table("sessions").doesNotExist();
        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
    }

    @Test
    void rollsBackAndAppliesAgain(@Migrated MigrationDatabase db) {
        assertThat(db.rollbackTo("1")).succeeded().hasApplied("3", "2");
        assertThat(db).enumType("account_status").doesNotExist();
        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
    }

    @Test
    void stopsWithADiagnosisWhenTheEnumExistsUnrecorded(MigrationDatabase db) {
        db.migrateTo("1");
        db.execute("CREATE TYPE account_status AS ENUM ('active')");

        assertThat(db.migrate()).failedAt("2").withSqlState("42710").hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
    }
}
// end::behaviour[]
