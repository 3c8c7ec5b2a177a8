package io.github.migrationtest.benchmarks;

import io.github.migrationtest.junit.MigrationDataContract;
import io.github.migrationtest.junit.MigrationTest;

/** The data check alone, on the chain {@link DataBenchmark} generates (the same as {@link SuiteBenchmark}'s). */
@MigrationTest(flyway = "filesystem:" + SuiteBenchmark.CHAIN, provider = "embedded")
public class DataBenchmarkChainTests implements MigrationDataContract {
}
