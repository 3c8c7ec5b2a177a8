package io.github.migrationtest.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard suite of one generated chain sharded over S CI jobs, simulated here one job after another: each
 * job a fresh JVM with {@code MIGRATIONTEST_SHARD=K/S} running {@link LargeChainBenchmark} on the chain, as a CI
 * job would (its own JVM and server; the machine's binaries and cluster cache warm). Prints every job's wall time
 * (JVM start to exit) and, per S, the longest job, which is the CI wall time when the jobs run in parallel.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am test-compile exec:java \
 *     -Dexec.mainClass=io.github.migrationtest.benchmarks.ShardBenchmark [-Dexec.args="200 1 4 8"]
 * </pre>
 * Arguments: the chain's length (default 200), then the shard counts (default 1 4 8).
 */
public final class ShardBenchmark {

    private ShardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts.addAll(List.of(1, 4, 8));
        }
        List<String> summary = new ArrayList<>();
        for (int shards : counts) {
            double longest = 0;
            double total = 0;
            for (int k = 1; k <= shards; k++) {
                double seconds = job(n, k + "/" + shards);
                System.out.printf(Locale.ROOT, "N=%d, shard %d/%d: %.1f s%n", n, k, shards, seconds);
                longest = Math.max(longest, seconds);
                total += seconds;
            }
            summary.add(String.format(Locale.ROOT, "N=%d on %d shards: longest job %.1f s (CI wall time with the jobs"
                    + " in parallel), all jobs together %.1f s", n, shards, longest, total));
        }
        summary.forEach(System.out::println);
    }

    /** Runs one job in a fresh JVM; its wall time in seconds. */
    private static double job(int n, String shard) throws IOException, InterruptedException {
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ColdStartBenchmark.classPath(), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", LargeChainBenchmark.class.getName(),
                Integer.toString(n));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MIGRATIONTEST_SHARD", shard);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        String row = output.lines().filter(line -> line.startsWith("  N=")).findFirst().orElse("");
        if (exit != 0 || row.isEmpty()) {
            throw new IllegalStateException("The job of shard " + shard + " failed (exit " + exit + "):\n" + output);
        }
        System.out.println("  " + row.strip());
        return seconds;
    }
}
