package io.github.migrationtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.internal.database.TimeLimitedRun;
import io.github.migrationtest.core.server.ServerProvider;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What the standard suite costs: an empty class implementing {@code MigrationChainContract}, run by
 * the JUnit Platform on a generated chain with one migration that is not safe to run again and one
 * leaky undo script. Prints the tests and their outcome by check, which tests failed (exactly the two
 * defects, if all is well), the wall time and the migrations executed, each against the floor: the chain's
 * migrations executed once each through the engine (one Flyway {@code migrate()} of the chain on an empty
 * database of the same server, after the suite, the median of three), and suite time ÷ floor.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.SuiteBenchmark [-Dexec.args="50 150"]
 * </pre>
 * With several sizes, one JVM and server run them in order, and the last line compares the wall time per
 * migration of the last size with the first's.
 */
public final class SuiteBenchmark {

    static final String CHAIN = "target/suite-benchmark-chain";

    private SuiteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args.length > 0 ? args : new String[] {"50"}) {
            sizes.add(Integer.parseInt(arg));
        }
        List<double[]> perMigration = new ArrayList<>();
        if (sizes.size() > 1) {
            // Without it the first size alone would pay the server's start, class loading and the JIT.
            System.out.println("warm-up, not compared:");
            run(10);
        }
        for (int n : sizes) {
            perMigration.add(new double[] {n, run(n)});
        }
        if (perMigration.size() > 1) {
            double[] first = perMigration.get(0);
            double[] last = perMigration.get(perMigration.size() - 1);
            System.out.printf(Locale.ROOT, "wall time per migration at N=%.0f / at N=%.0f: %.2f (goal: at most 1.2)%n",
                    last[0], first[0], last[1] / first[1]);
        }
    }

    /** Runs the suite on a generated chain of {@code n} migrations, prints its numbers; the wall time per migration. */
    private static double run(int n) throws Exception {
        int notIdempotent = Chains.notIdempotentAt(n);
        int leakyUndo = Chains.leakyUndoAt(n);
        Path chain = Paths.get(CHAIN);
        Chains.contractChain(chain, n, notIdempotent, leakyUndo);
        java.nio.file.Files.deleteIfExists(Paths.get(SuiteBenchmarkChainTests.SNAPSHOT));
        System.out.printf("%d migrations; %d adds a column without IF NOT EXISTS, the undo of %d leaves its index%n",
                n, notIdempotent, leakyUndo);

        Outcomes outcomes = new Outcomes();
        long migrationsBefore = TimeLimitedRun.migrationsRun();
        long started = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SuiteBenchmarkChainTests.class)).build();
        launcher.execute(request, outcomes);
        double seconds = (System.nanoTime() - started) / 1e9;
        long migrations = TimeLimitedRun.migrationsRun() - migrationsBefore;

        outcomes.byCheck.forEach((check, counts) -> System.out.printf(Locale.ROOT,
                "  %-28s %3d passed, %d failed, %d skipped%n", check, counts[0], counts[2], counts[1]));
        System.out.println("failed:");
        outcomes.failed.forEach(name -> System.out.println("  " + name));
        double floor = floorSeconds(chain);
        System.out.printf(Locale.ROOT, "N=%d: %d tests in %.1f s wall time (%.2f s per migration); migrations executed:"
                + " %d = %.1f x N (goal: at most 6 x N; templates and rollbacks included)%n",
                n, outcomes.tests, seconds, seconds / n, migrations, (double) migrations / n);
        System.out.printf(Locale.ROOT, "floor (the %d migrations once each, one Flyway migrate on an empty database,"
                + " median of 3): %.3f s; suite time / floor: %.0fx%n", n, floor, seconds / floor);
        Chains.delete(chain);
        java.nio.file.Files.deleteIfExists(Paths.get(SuiteBenchmarkChainTests.SNAPSHOT));
        return seconds / n;
    }

    /**
     * The floor: the chain's migrations executed once each through Flyway itself, on an empty database of the
     * server the suite ran on (warm: the suite loaded the classes), the median of three runs in seconds.
     */
    static double floorSeconds(Path chain) {
        MigrationDatabases databases = MigrationDatabases.builder().flyway("filesystem:" + chain)
                .settings(MigrationSettings.builder().provider(ServerProvider.EMBEDDED).build()).build();
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (MigrationDatabase db = databases.empty()) {
                long started = System.nanoTime();
                Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + chain).load().migrate();
                runs.add((System.nanoTime() - started) / 1e9);
            }
        }
        Collections.sort(runs);
        return runs.get(1);
    }

    /** Counts outcomes by check (the dynamic container) and collects failed tests. */
    private static final class Outcomes implements TestExecutionListener {
        final Map<String, int[]> byCheck = new TreeMap<>();
        final List<String> failed = new ArrayList<>();
        int tests;

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            tests++;
            String check = test.getParentIdObject().map(Object::toString).map(SuiteBenchmark::checkOf).orElse("?");
            int[] counts = byCheck.computeIfAbsent(check, c -> new int[3]);
            counts[result.getStatus().ordinal()]++;
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(check + " / " + test.getDisplayName() + ": "
                        + result.getThrowable().map(Throwable::getMessage).orElse("").lines().findFirst().orElse(""));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            tests++;
        }
    }

    private static String checkOf(String parentId) {
        String method = parentId.replaceAll(".*\\[test-factory:([A-Za-z]+)\\(.*", "$1");
        return switch (method) {
            case "cleanInstall" -> "clean install";
            case "rerunAppliesNothing" -> "rerun";
            case "replayUnrecorded" -> "replay unrecorded";
            case "rollbackRoundTrips" -> "up-down-up";
            case "upgradeFromEveryVersion" -> "upgrade from every version";
            case "schemaMatchesCommittedSnapshot" -> "schema drift";
            case "discoveredBrokenStates" -> "broken states";
            default -> method;
        };
    }
}
