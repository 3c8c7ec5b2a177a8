package io.github.migrationtest.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Collects timings of one approach and summarises them; medians, because this machine is noisy. */
final class Stopwatch {

    /** Something to time that may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final String name;
    private final List<Double> millis = new ArrayList<>();

    Stopwatch(String name) {
        this.name = name;
    }

    void time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        millis.add((System.nanoTime() - start) / 1e6);
    }

    /** Adds a time measured elsewhere, e.g. a mean per item of a timed block. */
    void record(double value) {
        millis.add(value);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String summary() {
        return String.format(Locale.ROOT, "%-48s median %8.1f ms   min %8.1f   max %8.1f   (n=%d)", name, median(),
                Collections.min(millis), Collections.max(millis), millis.size());
    }

    String ratioTo(Stopwatch baseline) {
        return String.format(Locale.ROOT, "%-48s %6.1fx the time of %s", name, median() / baseline.median(), baseline.name);
    }
}
