package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Every test gets its own database: what one test writes, the next one does not see. */
class TestIsolationTests {

    @Test
    void whatOneTestWritesTheNextTestDoesNotSee() {
        EngineExecutionResults results = EngineRuns.run(IsolationTestCases.WriteThenRead.class);

        assertThat(results.testEvents().failed().stream().map(TestIsolationTests::failure)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        Map<String, Map<String, String>> reports = results.testEvents().reportingEntryPublished().stream()
                .collect(Collectors.toMap(TestIsolationTests::methodName,
                        e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()));
        Map<String, String> writer = reports.get("writes");
        Map<String, String> reader = reports.get("reads");

        assertThat(writer).containsEntry("accounts", "[first@example.com]");
        assertThat(reader).containsEntry("accounts", "[]");
        assertThat(reader.get("database")).isNotEqualTo(writer.get("database"));
    }

    private static String failure(Event event) {
        return methodName(event) + ": " + event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .map(Throwable::toString).orElse("");
    }

    private static String methodName(Event event) {
        return event.getTestDescriptor().getSource().map(MethodSource.class::cast).orElseThrow().getMethodName();
    }
}
