package io.github.migrationtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.migrationtest.core.internal.database.TimeLimitedRun;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How the default standard suite grows with the chain: the suite of {@link SuiteBenchmarkChainTests} (the
 * contract's defaults) on generated chains of 50, 100 and 300 migrations (or the sizes given), one JVM and
 * server. Prints, per size, the migrations executed against N²/2 (what upgrading from every version alone
 * would run), the wall time, the outcomes, and the suite's own report per check.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.LargeChainBenchmark [-Dexec.args="50 100 300"]
 * </pre>
 */
public final class LargeChainBenchmark {

    private LargeChainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args.length > 0 ? args : new String[] {"50", "100", "300"}) {
            sizes.add(Integer.parseInt(arg));
        }
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            Path chain = Paths.get(SuiteBenchmark.CHAIN);
            // The chain's two deliberate defects, as SuiteBenchmark places them: the suite must fail on exactly those.
            Chains.contractChain(chain, n, Chains.notIdempotentAt(n), Chains.leakyUndoAt(n));
            Files.deleteIfExists(Paths.get(SuiteBenchmarkChainTests.SNAPSHOT));
            Counts counts = new Counts();
            long migrationsBefore = TimeLimitedRun.migrationsRun();
            long started = System.nanoTime();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(SuiteBenchmarkChainTests.class)).build(), counts);
            double seconds = (System.nanoTime() - started) / 1e9;
            long migrations = TimeLimitedRun.migrationsRun() - migrationsBefore;
            long quadratic = (long) n * n / 2;
            String row = String.format(Locale.ROOT, "N=%d: %d tests (%d passed, %d failed, %d aborted),"
                    + " %d migrations executed = %.2f x N²/2 (%d) = %.1f x N, %.0f s wall time",
                    n, counts.tests, counts.passed, counts.failed, counts.aborted, migrations,
                    (double) migrations / quadratic, quadratic, (double) migrations / n, seconds);
            rows.add(row);
            System.out.println(row);
            SuiteReport report = SuiteBenchmarkChainTests.lastReport;
            if (report != null) {
                System.out.println(report.describe());
            }
            counts.failures.forEach(f -> System.out.println("  failed: " + f));
            Chains.delete(chain);
            Files.deleteIfExists(Paths.get(SuiteBenchmarkChainTests.SNAPSHOT));
        }
        System.out.println("summary:");
        rows.forEach(r -> System.out.println("  " + r));
    }

    /** Test outcomes of one run. */
    private static final class Counts implements TestExecutionListener {
        int tests;
        int passed;
        int failed;
        int aborted;
        final List<String> failures = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failures.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage)
                            .orElse("").lines().findFirst().orElse(""));
                }
                return;
            }
            tests++;
            switch (result.getStatus()) {
                case SUCCESSFUL -> passed++;
                case ABORTED -> aborted++;
                case FAILED -> {
                    failed++;
                    failures.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage)
                            .orElse("").lines().findFirst().orElse(""));
                }
            }
        }
    }
}
