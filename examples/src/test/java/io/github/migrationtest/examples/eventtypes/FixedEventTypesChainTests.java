package io.github.migrationtest.examples.eventtypes;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.Check;
import io.github.migrationtest.junit.ContractSettings;
import io.github.migrationtest.junit.MigrationChainContract;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.BrokenStates;
import org.junit.jupiter.api.Test;

/**
 * The fixed chain: ADD VALUE IF NOT EXISTS, the trigger only where auth.users exists, undo scripts. The
 * write-up's checklist is the contract: a fresh database (clean install), a database that has the changes
 * (rerun, replay of every migration unrecorded), a downgrade (up-down-up).
 */
// tag::checklist-as-suite[]
@MigrationTest(flyway = "classpath:incidents/eventtypes/fixed")
class FixedEventTypesChainTests implements MigrationChainContract {

    @Override
    public ContractSettings contract() {
        return ContractSettings.defaults().without(Check.SNAPSHOT)
                .skip(Check.UP_DOWN_UP, "2", "PostgreSQL cannot drop an enum label; V2 adds it IF NOT EXISTS")
                .skip(Check.REPLAY_UNRECORDED, "1", "V1's objects without any history is a baseline question");
    }
    // end::checklist-as-suite[]

    @Test
    void rerunOnADatabaseThatHasTheLabel(@At("1") MigrationDatabase db) {
        db.seed(BrokenStates.enumLabelAlreadyPresent("eventtype", "archived"));

        assertThat(db.migrate()).succeeded().hasApplied("2", "3");
    }

    @Test
    void freshDatabaseWithoutThePlatformsAuthSchema(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2", "3");
    }

    @Test
    void theTriggerIsCreatedWhereThePlatformHasAuthUsers(MigrationDatabase db) {
        db.seed(d -> {
            d.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY)");
            return Seeded.NOTHING;
        });

        assertThat(db.migrate()).succeeded();
        assertThat(db).table("auth.users").trigger("on_auth_user_created").isNotNull();
    }
}
