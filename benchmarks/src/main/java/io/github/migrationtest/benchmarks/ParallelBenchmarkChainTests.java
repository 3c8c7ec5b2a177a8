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

    /**
     * One run of the suite on the chain copy its {@code @MigrationTest} names; the schema file is named after
     * the copy, and the report is kept for the harness.
     */
    public abstract static class SuiteRun implements MigrationChainContract {
        @AfterAll
        static void keep(SuiteReport report) {
            lastReport = report;
        }

        @Override
        public ContractSettings contract() {
            String location = getClass().getAnnotation(MigrationTest.class).flyway()[0];
            return ContractSettings.defaults().snapshot(location.substring("filesystem:".length()) + ".schema");
        }
    }

    /** Warms the JVM, the engine and the server up. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "warm-up", provider = "embedded")
    public static class WarmUp extends SuiteRun {
    }

    /** The first timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-1", provider = "embedded")
    public static class Run1 extends SuiteRun {
    }

    /** The second timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-2", provider = "embedded")
    public static class Run2 extends SuiteRun {
    }

    /** The third timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-3", provider = "embedded")
    public static class Run3 extends SuiteRun {
    }

    /** The fourth timed run. */
    @MigrationTest(flyway = "filesystem:" + CHAINS + "run-4", provider = "embedded")
    public static class Run4 extends SuiteRun {
    }
}
