package io.github.migrationtest.junit;

import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.AfterAll;

/**
 * The same generated chain, with a migration that is not safe to run again and an undo script that leaves
 * something behind, in two directories: each class has templates of its own, so that a sequential and a
 * concurrent run in one JVM both build every state they need.
 */
class ParallelSuiteTestCases {

    /** Run with JUnit's defaults. */
    @MigrationTest(flyway = "filesystem:target/generated-chains/parallel-sequential", provider = "embedded")
    static class Sequential implements MigrationChainContract {
        static volatile SuiteReport report;

        @AfterAll
        static void keep(SuiteReport suite) {
            report = suite;
        }

        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT);
        }
    }

    /** Run with parallel execution turned on through configuration parameters. */
    @MigrationTest(flyway = "filesystem:target/generated-chains/parallel-concurrent", provider = "embedded")
    static class Concurrent implements MigrationChainContract {
        static volatile SuiteReport report;

        @AfterAll
        static void keep(SuiteReport suite) {
            report = suite;
        }

        @Override
        public ContractSettings contract() {
            return ContractSettings.defaults().without(Check.SNAPSHOT);
        }
    }
}
