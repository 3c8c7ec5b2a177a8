package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.scenarios.BrokenState;

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
}
