package io.github.migrationtest.junit;

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
            return ContractSettings.defaults().without(Check.SNAPSHOT, Check.UP_DOWN_UP)
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
}
