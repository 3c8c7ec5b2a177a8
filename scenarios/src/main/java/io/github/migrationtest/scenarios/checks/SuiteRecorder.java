package io.github.migrationtest.scenarios.checks;

import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.internal.database.TimeLimitedRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up what the checks of one {@link ChainChecks} did, for its {@link SuiteReport}. */
final class SuiteRecorder {

    private final Map<String, SuiteReport.CheckRun> runs = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Runs one test of a check, counting what it executed and built. */
    void measure(String check, TemplateCache templates, Runnable test) {
        long migrations = TimeLimitedRun.migrationsRun();
        int states = templates.templatesBuilt();
        long started = System.nanoTime();
        try {
            test.run();
        } finally {
            add(check, TimeLimitedRun.migrationsRun() - migrations, templates.templatesBuilt() - states,
                    Duration.ofNanos(System.nanoTime() - started));
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
