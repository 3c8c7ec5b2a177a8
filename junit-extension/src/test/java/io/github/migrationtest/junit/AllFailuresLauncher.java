package io.github.migrationtest.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs one fixture class on the Jupiter engine and prints every failure, one per line, in order. */
public final class AllFailuresLauncher {

    static final String MARKER = "FIXTURE-FAILURE ";

    private AllFailuresLauncher() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        EngineRuns.run(Class.forName(args[0])).allEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(Event::getPayload).flatMap(p -> p.stream())
                .filter(TestExecutionResult.class::isInstance).map(TestExecutionResult.class::cast)
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow())
                .forEach(t -> System.out.println(MARKER + t.getMessage().replace("\n", "\\n")));
        System.out.flush();
        System.exit(0);
    }
}
