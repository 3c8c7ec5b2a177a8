package io.github.migrationtest.benchmarks;

import io.github.migrationtest.junit.ContractSettings;
import io.github.migrationtest.junit.MigrationChainContract;
import io.github.migrationtest.junit.MigrationTest;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.AfterAll;

/**
 * A class implementing the contract, on the chain {@link SuiteBenchmark} generates; the location is
 * relative to the working directory, where the harness writes it. The one setting keeps the schema
 * file of this generated chain out of the source tree.
 */
@MigrationTest(flyway = "filesystem:" + SuiteBenchmark.CHAIN, provider = "embedded")
public class SuiteBenchmarkChainTests implements MigrationChainContract {

    static final String SNAPSHOT = SuiteBenchmark.CHAIN + ".schema";

    /** What the last run of the suite did, for the harnesses to print. */
    static volatile SuiteReport lastReport;

    @AfterAll
    static void keep(SuiteReport report) {
        lastReport = report;
    }

    @Override
    public ContractSettings contract() {
        return ContractSettings.defaults().snapshot(SNAPSHOT);
    }
}
