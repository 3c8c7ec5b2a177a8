package io.github.migrationtest.junit;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.profile.LockMode;
import io.github.migrationtest.scenarios.data.DataChecks;
import io.github.migrationtest.scenarios.data.DataSettings;
import io.github.migrationtest.scenarios.data.LockBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A chain whose every migration is unsafe for data, and the same chain written safely, through the data check. */
class DataContractTestCases {

    /** 100k events, so that locks on them last; no rewrite of a table with more than 10k rows. */
    static DataSettings settings(Duration blocking) {
        return DataSettings.defaults().rows("events", 100_000)
                .lockBudget(LockBudget.blockingAtMost(blocking).withoutRewritesOver(10_000));
    }

    /** Casts legacy values, adds NOT NULL without default, indexes duplicates, checks old rows, rewrites, locks. */
    @MigrationTest(flyway = "classpath:db/data/unsafe", provider = "embedded",
            properties = "flyway.postgresql.transactional.lock=false")
    static class Unsafe implements MigrationDataContract {
        // No time at all for locks that block writes on tables with rows: red whatever the machine's speed.
        @Override
        public DataSettings data() {
            return settings(Duration.ZERO);
        }

        @Test
        void indexesEventsWithoutBlockingWrites(DataChecks data) {
            assertThat(data.profile(data())).migration("7")
                    .takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE, "events");
        }
    }

    /** The same changes, written for a database with rows. */
    @MigrationTest(flyway = "classpath:db/data/safe", provider = "embedded",
            properties = "flyway.postgresql.transactional.lock=false")
    static class Safe implements MigrationDataContract {
        // Its strong locks are on small tables or last a statement: far below a second on any machine.
        @Override
        public DataSettings data() {
            return settings(Duration.ofSeconds(1));
        }

        @Test
        void indexesEventsWithoutBlockingWrites(DataChecks data) {
            assertThat(data.profile(data())).migration("7")
                    .takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE, "events").rewritesNothing();
        }
    }
}
