package io.github.migrationtest.benchmarks;

import io.github.migrationtest.junit.ContractSettings;
import io.github.migrationtest.junit.MigrationChainContract;
import io.github.migrationtest.junit.MigrationTest;

/**
 * A class implementing the contract, on the chain {@link SuiteBenchmark} generates; the location is
 * relative to the working directory, where the harness writes it. The one setting keeps the schema
 * file of this generated chain out of the source tree.
 */
@MigrationTest(flyway = "filesystem:" + SuiteBenchmark.CHAIN, provider = "embedded")
public class SuiteBenchmarkChainTests implements MigrationChainContract {

    static final String SNAPSHOT = SuiteBenchmark.CHAIN + ".schema";

    @Override
    public ContractSettings contract() {
        return ContractSettings.defaults().snapshot(SNAPSHOT);
    }
}
