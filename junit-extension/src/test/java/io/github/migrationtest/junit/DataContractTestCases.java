package io.github.migrationtest.junit;

import io.github.migrationtest.scenarios.data.DataSettings;
import io.github.migrationtest.scenarios.data.LockBudget;
import java.time.Duration;

/** A chain whose every migration is unsafe for data, and the same chain written safely, through the data check. */
class DataContractTestCases {

    /** The budget both chains are held to: 100k events, so that locks on them last. */
    static DataSettings settings() {
        return DataSettings.defaults().rows("events", 100_000)
                .lockBudget(LockBudget.blockingAtMost(Duration.ofMillis(150)).withoutRewritesOver(10_000));
    }

    /** Casts legacy values, adds NOT NULL without default, indexes duplicates, checks old rows, rewrites, locks. */
    @MigrationTest(flyway = "classpath:db/data/unsafe", provider = "embedded",
            properties = "flyway.postgresql.transactional.lock=false")
    static class Unsafe implements MigrationDataContract {
        @Override
        public DataSettings data() {
            return settings();
        }
    }

    /** The same changes, written for a database with rows. */
    @MigrationTest(flyway = "classpath:db/data/safe", provider = "embedded",
            properties = "flyway.postgresql.transactional.lock=false")
    static class Safe implements MigrationDataContract {
        @Override
        public DataSettings data() {
            return settings();
        }
    }
}
