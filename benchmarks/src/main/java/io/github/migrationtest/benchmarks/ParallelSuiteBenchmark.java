package io.github.migrationtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.migrationtest.core.internal.database.TimeLimitedRun;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What JUnit's parallel execution gains on the standard suite: the suite of {@link SuiteBenchmark}'s generated
 * chain (one migration not safe to run again, one leaky undo script), run in one JVM on one server, after a
 * warm-up, sequentially and with {@code junit.jupiter.execution.parallel.*} on, in the order sequential,
 * parallel, parallel, sequential (so that a change of the machine's load in between weighs on both). Each run
 * has a copy of the chain of its own, so each builds all of its states. Prints each run's wall time, tests,
 * failures and work, and the ratio sequential ÷ parallel wall time.
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.ParallelSuiteBenchmark [-Dexec.args="50 --parallel=2"]
 * </pre>
 *
 * {@code --parallel=P} is JUnit's fixed parallelism (default: the machine's cores).
 */
public final class ParallelSuiteBenchmark {

    private ParallelSuiteBenchmark() {
    }

    /** One run of the suite. */
    private record Run(String mode, double seconds, int tests, List<String> failed, SuiteReport report,
            long migrationsInJvm) {
    }

    public static void main(String[] args) throws Exception {
        int n = 50;
        int parallelism = Runtime.getRuntime().availableProcessors();
        for (String arg : args) {
            if (arg.startsWith("--parallel=")) {
                parallelism = Integer.parseInt(arg.substring("--parallel=".length()));
            } else {
                n = Integer.parseInt(arg);
            }
        }
        int notIdempotent = Chains.notIdempotentAt(n);
        int leakyUndo = Chains.leakyUndoAt(n);
        Path chains = Paths.get(ParallelBenchmarkChainTests.CHAINS);
        Chains.contractChain(chains.resolve("warm-up"), 10, 3, 6);
        for (int run = 1; run <= 4; run++) {
            Chains.contractChain(chains.resolve("run-" + run), n, notIdempotent, leakyUndo);
        }
        System.out.printf(Locale.ROOT, "%d migrations; %d adds a column without IF NOT EXISTS, the undo of %d leaves"
                + " its index; %d cores, parallelism %d%n", n, notIdempotent, leakyUndo,
                Runtime.getRuntime().availableProcessors(), parallelism);

        // One server and its template caches for all runs: the runs differ in their execution only.
        try (PostgresServers.Session session = PostgresServers.openSession()) {
            run(ParallelBenchmarkChainTests.WarmUp.class, 0);
            List<Run> runs = List.of(run(ParallelBenchmarkChainTests.Run1.class, 0),
                    run(ParallelBenchmarkChainTests.Run2.class, parallelism),
                    run(ParallelBenchmarkChainTests.Run3.class, parallelism),
                    run(ParallelBenchmarkChainTests.Run4.class, 0));
            for (Run run : runs) {
                System.out.printf(Locale.ROOT, "%-10s %6.1f s wall, %d tests, %d migrations executed (the report; the"
                        + " JVM ran %d), %d states built, failed: %s%n", run.mode(), run.seconds(), run.tests(),
                        run.report().migrationsExecuted(), run.migrationsInJvm(), run.report().statesBuilt(),
                        run.failed());
            }
            double sequential = runs.get(0).seconds() + runs.get(3).seconds();
            double parallel = runs.get(1).seconds() + runs.get(2).seconds();
            System.out.printf(Locale.ROOT, "sequential / parallel wall time: %.2f (sequential %.1f s, parallel %.1f s,"
                    + " two runs each)%n", sequential / parallel, sequential / 2, parallel / 2);
        }
        Chains.delete(chains);
    }

    private static Run run(Class<?> suite, int parallelism) {
        Outcomes outcomes = new Outcomes();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite));
        if (parallelism > 0) {
            request.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                            String.valueOf(parallelism));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        long migrationsBefore = TimeLimitedRun.migrationsRun();
        long started = System.nanoTime();
        launcher.execute(built, outcomes);
        double seconds = (System.nanoTime() - started) / 1e9;
        // The report counts each test on its own thread; the JVM-wide count is the check that nothing is lost
        // or counted twice when tests overlap.
        return new Run(parallelism > 0 ? "parallel " + parallelism : "sequential", seconds, outcomes.tests,
                outcomes.failed, ParallelBenchmarkChainTests.lastReport, TimeLimitedRun.migrationsRun() - migrationsBefore);
    }

    /** Counts the tests and collects the failed ones, by check. */
    private static final class Outcomes implements TestExecutionListener {
        final List<String> failed = new ArrayList<>();
        int tests;

        @Override
        public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            tests++;
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(test.getDisplayName().replaceAll(" \\(V.*", ""));
                failed.sort(null);
            }
        }
    }
}
