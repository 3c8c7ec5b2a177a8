package io.github.migrationtest.benchmarks;

import io.github.migrationtest.junit.ContractSettings;
import io.github.migrationtest.junit.MigrationChainContract;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.AfterAll;

/**
 * Classes implementing the contract on copies of the chain {@link ParallelSuiteBenchmark} generates, one
 * directory each: every run of the suite builds all of its states, none reuses another run's templates.
 */
public final class ParallelBenchmarkChainTests {

    static final String CHAINS = "target/parallel-benchmark-chains/";

    /** What the last run of the suite did, for the harness to print. */
    static volatile SuiteReport lastReport;

    private ParallelBenchmarkChainTests() {
    }

    static void keep(SuiteReport report) {
        lastReport = report;
    }

    static ContractSettings settings(String run) {
        return ContractSettings.defaults().snapshot(CHAINS + run + ".schema");
    }

    /** Warms the JVM, the engine and the server up. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "warm-up", provider = "embedded")
    public static class WarmUp implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            ParallelBenchmarkChainTests.keep(report);
        }

        @Override
        public ContractSettings contract() {
            return settings("warm-up");
        }
    }

    /** The first timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-1", provider = "embedded")
    public static class Run1 implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            ParallelBenchmarkChainTests.keep(report);
        }

        @Override
        public ContractSettings contract() {
            return settings("run-1");
        }
    }

    /** The second timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-2", provider = "embedded")
    public static class Run2 implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            ParallelBenchmarkChainTests.keep(report);
        }

        @Override
        public ContractSettings contract() {
            return settings("run-2");
        }
    }

    /** The third timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-3", provider = "embedded")
    public static class Run3 implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            ParallelBenchmarkChainTests.keep(report);
        }

        @Override
        public ContractSettings contract() {
            return settings("run-3");
        }
    }

    /** The fourth timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-4", provider = "embedded")
    public static class Run4 implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            ParallelBenchmarkChainTests.keep(report);
        }

        @Override
        public ContractSettings contract() {
            return settings("run-4");
        }
    }
}
