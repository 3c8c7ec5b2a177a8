package io.github.migrationtest.scenarios.checks;

import io.github.migrationtest.core.internal.database.WorkCount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up what the checks of one {@link ChainChecks} did, for its {@link SuiteReport}. */
final class SuiteRecorder {

    private final Map<String, SuiteReport.CheckRun> runs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Runs one test of a check, counting what it executed and built: on its own thread, so that tests running
     * beside it (JUnit's parallel execution) are not counted with it.
     */
    void measure(String check, Runnable test) {
        long started = System.nanoTime();
        WorkCount count = WorkCount.start();
        try {
            test.run();
        } finally {
            count.stop();
            add(check, count.migrationsRun(), count.statesBuilt(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized SuiteReport report(String chain, String server) {
        return new SuiteReport(chain, server, List.copyOf(runs.values()), notes);
    }

    synchronized boolean isEmpty() {
        return runs.isEmpty();
    }

    private synchronized void add(String check, long migrations, int states, Duration time) {
        SuiteReport.CheckRun before = runs.getOrDefault(check, new SuiteReport.CheckRun(check, 0, 0, 0, Duration.ZERO));
        runs.put(check, new SuiteReport.CheckRun(check, before.tests() + 1, before.migrationsExecuted() + migrations,
                before.statesBuilt() + states, before.time().plus(time)));
    }
}
