package io.github.migrationtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.server.ServerProvider;
import io.github.migrationtest.scenarios.data.DataSettings;
import io.github.migrationtest.scenarios.internal.data.LockProfiler;
import io.github.migrationtest.scenarios.internal.data.PopulatedStates;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What the data check costs, in one JVM on one embedded server: the standard suite on the generated chain
 * of {@link SuiteBenchmark}; then the data check on it (its states built from the suite's templates, so this
 * is the check's added cost); then, on the populated states, each migration applied plainly and applied
 * with the lock profiler (triggers, probes, relfilenode and row counts) - the profile's overhead.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.DataBenchmark [-Dexec.args="100"]
 * </pre>
 */
public final class DataBenchmark {

    private DataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path directory = Paths.get(SuiteBenchmark.CHAIN);
        Chains.contractChain(directory, n, 2, 3);

        double suite = run(SuiteBenchmarkChainTests.class);
        double data = run(DataBenchmarkChainTests.class);
        System.out.printf(Locale.ROOT, "%d migrations: standard suite %.1f s; data check %.1f s more (suite with data"
                + " check %.2fx the suite)%n", n, suite, data, (suite + data) / suite);

        MigrationChain chain = FlywayChain.builder().locations("filesystem:" + SuiteBenchmark.CHAIN).build();
        MigrationDatabases databases = MigrationDatabases.builder().chain(chain).settings(MigrationSettings.builder()
                .provider(ServerProvider.EMBEDDED).migrationTimeout(Duration.ofMinutes(5)).build()).build();
        PopulatedStates states = new PopulatedStates(databases, DataSettings.defaults());
        List<Migration> migrations = databases.migrations();
        long plain = 0;
        long profiled = 0;
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            try (MigrationDatabase db = states.cloneAt(i - 1)) {
                long start = System.nanoTime();
                db.migrateTo(chain.targetOf(migration));
                plain += System.nanoTime() - start;
            }
            try (MigrationDatabase db = states.cloneAt(i - 1)) {
                long start = System.nanoTime();
                LockProfiler.profile(db, migration, () -> db.migrateTo(chain.targetOf(migration)), List.of());
                profiled += System.nanoTime() - start;
            }
        }
        System.out.printf(Locale.ROOT, "each migration on its populated state: plain %.1f s, profiled %.1f s (%.2fx)%n",
                plain / 1e9, profiled / 1e9, (double) profiled / plain);
        Chains.delete(directory);
        java.nio.file.Files.deleteIfExists(Paths.get(SuiteBenchmarkChainTests.SNAPSHOT));
        System.exit(0);
    }

    private static double run(Class<?> testClass) {
        int[] failed = new int[1];
        long started = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                            failed[0]++;
                        }
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  %s: %.1f s, %d failed%n", testClass.getSimpleName(), seconds, failed[0]);
        return seconds;
    }
}
