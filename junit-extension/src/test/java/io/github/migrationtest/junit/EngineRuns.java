package io.github.migrationtest.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes on the real Jupiter engine and picks out what failed. */
final class EngineRuns {

    private EngineRuns() {
    }

    static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    /** The one failure of the run, of a container or a test; fails if there is not exactly one. */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> failures = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(Event::getPayload)
                .flatMap(p -> p.stream())
                .filter(p -> p instanceof org.junit.platform.engine.TestExecutionResult)
                .map(p -> (org.junit.platform.engine.TestExecutionResult) p)
                .filter(r -> r.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow())
                .toList();
        if (failures.size() != 1) {
            throw new AssertionError("Expected exactly one failure but got " + failures.size() + ": " + failures);
        }
        return failures.get(0);
    }
}
