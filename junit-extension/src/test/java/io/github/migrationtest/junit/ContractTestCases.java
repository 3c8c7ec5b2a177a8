package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.scenarios.BrokenState;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.AfterAll;

/** Chains with one defect each, run through the contract by {@link MigrationChainContractTests}. */
class ContractTestCases {

    /** A repeatable migration whose checksum changes on every run: re-applied by every run. */
    @MigrationTest(flyway = "classpath:db/contract/rerunchanges", provider = "embedded")
    static class RerunChanges implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP);
        }
    }

    /** A migration whose result depends on the database it runs in: upgrades end unlike a clean install. */
    @MigrationTest(flyway = "classpath:db/contract/depends-on-database", provider = "embedded")
    static class DependsOnDatabase implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP, Check.REPLAY_UNRECORDED)
                    .skip(Check.UPGRADE, "2", "deliberately skipped to show how skips are reported");
        }
    }

    /** An undo script that leaves the enum type of its migration behind, and a migration without undo. */
    @MigrationTest(flyway = "classpath:db/contract/leakyundo", provider = "embedded")
    static class LeakyUndo implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT);
        }
    }

    /** The leaky-undo chain's suite in the first of two CI shards. */
    @MigrationTest(flyway = "classpath:db/contract/leakyundo", provider = "embedded",
            properties = "migrationtest.shard=1/2")
    static class LeakyUndoFirstOfTwoShards extends LeakyUndo {
    }

    /** The leaky-undo chain's suite in the second of two CI shards. */
    @MigrationTest(flyway = "classpath:db/contract/leakyundo", provider = "embedded",
            properties = "migrationtest.shard=2/2")
    static class LeakyUndoSecondOfTwoShards extends LeakyUndo {
    }

    /** A shard number beyond the number of shards. */
    @MigrationTest(flyway = "classpath:db/contract/leakyundo", provider = "embedded",
            properties = "migrationtest.shard=3/2")
    static class ShardBeyondTheCount extends LeakyUndo {
    }

    /** A shard that is no K/N at all. */
    @MigrationTest(flyway = "classpath:db/contract/leakyundo", provider = "embedded",
            properties = "migrationtest.shard=x")
    static class ShardNotOfTheForm extends LeakyUndo {
    }

    /** A migration that is not safe to run again, in a chain that is otherwise fine. */
    @MigrationTest(flyway = "classpath:db/contract/notidempotent", provider = "embedded")
    static class NotIdempotent implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT);
        }
    }

    /** The same chain, with the unsafe migration declared as such. */
    @MigrationTest(flyway = "classpath:db/contract/notidempotent", provider = "embedded")
    static class NotIdempotentDeclared implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT)
                    .expectFailure("2", BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED,
                            Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    /** The same chain, with only the migrations after 2 required to be safe to run again. */
    @MigrationTest(flyway = "classpath:db/contract/notidempotent", provider = "embedded")
    static class NotIdempotentBeforeTheCutOff implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT).requireReplayAfter("2");
        }
    }

    /** Repeatable views and functions over tables and columns that later versions create, as real chains have them. */
    @MigrationTest(flyway = "classpath:db/contract/repeatable-views", provider = "embedded")
    static class RepeatableViews implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT);
        }
    }

    /** A chain that needs pg_trgm and a role from the platform, with the preparation that provides them. */
    @MigrationTest(flyway = "classpath:db/contract/needs-platform", provider = "embedded", properties = {
            "migrationtest.prepare=classpath:platform/prepare.sql", "migrationtest.prepare.roles=reporting_reader"})
    static class PlatformPrepared implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP);
        }
    }

    /** The same chain without its preparation: every state needs pg_trgm, which the database lacks. */
    @MigrationTest(flyway = "classpath:db/contract/needs-platform", provider = "embedded")
    static class PlatformUnprepared implements MigrationChainContract {
    }

    /** A long chain, generated by the test before it runs: the upgrade check's default, step by step. */
    @MigrationTest(flyway = "filesystem:target/generated-chains/long-stepwise", provider = "embedded")
    static class LongChain implements MigrationChainContract {
        static volatile SuiteReport report;

        @AfterAll
        static void keep(SuiteReport suite) {
            report = suite;
        }

        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP, Check.REPLAY_UNRECORDED,
                    Check.BROKEN_STATES);
        }
    }

    /** A long chain with a repeatable migration: upgrades by full runs, from the default selection. */
    @MigrationTest(flyway = "filesystem:target/generated-chains/long-with-repeatable", provider = "embedded")
    static class LongChainWithRepeatable implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP, Check.REPLAY_UNRECORDED,
                    Check.BROKEN_STATES);
        }
    }

    /** The same chain with every per-migration check restricted to the newest migrations. */
    @MigrationTest(flyway = "filesystem:target/generated-chains/long", provider = "embedded")
    static class LongChainAfter20 implements MigrationChainContract {
        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP, Check.BROKEN_STATES)
                    .select(MigrationSelection.after("20"));
        }
    }

    /** A suite whose report an @AfterAll method reads. */
    @MigrationTest(flyway = "classpath:db/contract/repeatable-views", provider = "embedded")
    static class Reported implements MigrationChainContract {
        static volatile SuiteReport report;

        @AfterAll
        static void keep(SuiteReport suite) {
            report = suite;
        }

        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.BROKEN_STATES);
        }
    }

    /** An undo script that re-adds a dropped column, which PostgreSQL can only add at the end. */
    @MigrationTest(flyway = "classpath:db/contract/column-order", provider = "embedded")
    static class ColumnOrder implements MigrationChainContract {
        static volatile SuiteReport report;

        @AfterAll
        static void keep(SuiteReport suite) {
            report = suite;
        }

        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.BROKEN_STATES, Check.REPLAY_UNRECORDED,
                    Check.UPGRADE, Check.RERUN);
        }
    }
}
