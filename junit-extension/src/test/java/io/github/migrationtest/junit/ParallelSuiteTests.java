package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The standard suite under JUnit's parallel execution: its per-migration tests overlap, each on a database of
 * its own, with exactly the outcomes of a sequential run, and the report counts each test's own work.
 */
class ParallelSuiteTests {

    private static final int MIGRATIONS = 12;
    private static final String NOT_SAFE_TO_RUN_AGAIN = "5 \"add note\" (V5__add_note.sql) runs again where it ran"
            + " but is not recorded";
    private static final String LEAKY_UNDO = "8 \"create table 8\" (V8__create_table_8.sql) rolls back to the schema"
            + " before it and applies again";

    @Test
    void theSuiteRunsConcurrentlyWhenParallelExecutionIsOnWithTheOutcomesOfASequentialRun() throws IOException {
        generateChain(Path.of("target/generated-chains/parallel-sequential"));
        generateChain(Path.of("target/generated-chains/parallel-concurrent"));

        EngineExecutionResults sequential;
        EngineExecutionResults concurrent;
        // Keep the server up after the nested runs, to see what they left on it.
        try (PostgresServers.Session session = PostgresServers.openSession()) {
            DatabaseFactory factory = DatabaseFactory.on(io.github.migrationtest.core.testing.TestDatabases.server(17));
            factory.settle();
            // Tests of other classes in this JVM may hold databases of their own.
            List<String> before = factory.handedOut();
            sequential = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(ParallelSuiteTestCases.Sequential.class)).execute();
            concurrent = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(ParallelSuiteTestCases.Concurrent.class))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                            String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())))
                    .execute();
            factory.settle();
            assertThat(factory.handedOut()).as("databases of the runs' tests that are still there")
                    .isSubsetOf(before);
        }

        Map<String, String> outcomes = outcomes(concurrent);
        assertThat(outcomes).isEqualTo(outcomes(sequential));
        assertThat(outcomes.entrySet()).filteredOn(e -> !e.getValue().equals("SUCCESSFUL"))
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder(NOT_SAFE_TO_RUN_AGAIN, LEAKY_UNDO);
        assertThat(outcomes.get(NOT_SAFE_TO_RUN_AGAIN)).startsWith("FAILED: 5 \"add note\" (V5__add_note.sql) is not"
                + " safe to run again").contains("ERROR 42701");
        assertThat(outcomes.get(LEAKY_UNDO)).startsWith("FAILED: Rolling back 8").contains("sequence public.seq_8");
        assertThat(outcomes).hasSizeGreaterThan(3 * MIGRATIONS);
        assertThat(containerFailures(concurrent)).isEmpty();

        assertThat(mostTestsAtOnce(sequential)).isEqualTo(1);
        assertThat(mostTestsAtOnce(concurrent)).isGreaterThan(1);

        // Every state is built once, by the test that first needs it, whichever check that is.
        SuiteReport alone = ParallelSuiteTestCases.Sequential.report;
        SuiteReport together = ParallelSuiteTestCases.Concurrent.report;
        assertThat(together.statesBuilt()).isEqualTo(alone.statesBuilt());
        assertThat(together.checks()).extracting(SuiteReport.CheckRun::check, SuiteReport.CheckRun::tests)
                .containsExactlyInAnyOrderElementsOf(alone.checks().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.check(), c.tests())).toList());
        assertThat(together.check("clean install").orElseThrow().migrationsExecuted())
                .isEqualTo(alone.check("clean install").orElseThrow().migrationsExecuted());
        assertThat(together.check("rerun").orElseThrow().migrationsExecuted()).isLessThanOrEqualTo(MIGRATIONS);
    }

    /** A chain of tables with undo scripts; migration 5 is not safe to run again, the undo of 8 leaves its sequence. */
    private static void generateChain(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int i = 1; i <= MIGRATIONS; i++) {
            if (i == 5) {
                Files.writeString(directory.resolve("V5__add_note.sql"), "ALTER TABLE table_1 ADD COLUMN note text;\n");
                Files.writeString(directory.resolve("U5__add_note.sql"), "ALTER TABLE table_1 DROP COLUMN note;\n");
                continue;
            }
            String create = "CREATE TABLE IF NOT EXISTS table_" + i + " (id bigint PRIMARY KEY, name text);\n";
            Files.writeString(directory.resolve("V" + i + "__create_table_" + i + ".sql"), i == 8
                    ? create + "CREATE SEQUENCE IF NOT EXISTS seq_8;\n" : create);
            Files.writeString(directory.resolve("U" + i + "__create_table_" + i + ".sql"),
                    "DROP TABLE table_" + i + ";\n");
        }
    }

    /** The most tests of the run that were running at one moment, from the engine's start and finish events. */
    private static int mostTestsAtOnce(EngineExecutionResults results) {
        List<Instant[]> spans = new ArrayList<>();
        Map<String, Instant> started = new TreeMap<>();
        for (Event event : results.testEvents().list()) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            if (event.getType() == EventType.STARTED) {
                started.put(id, event.getTimestamp());
            } else if (event.getType() == EventType.FINISHED) {
                spans.add(new Instant[] {started.get(id), event.getTimestamp()});
            }
        }
        int most = 0;
        for (Instant[] span : spans) {
            // A test's start lies inside the spans of the tests running at that moment, its own included.
            int atOnce = (int) spans.stream().filter(other -> !other[0].isAfter(span[0]) && other[1].isAfter(span[0]))
                    .count();
            most = Math.max(most, atOnce);
        }
        return most;
    }

    private static Map<String, String> outcomes(EngineExecutionResults results) {
        return results.testEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(), ParallelSuiteTests::outcome,
                        (a, b) -> a + " | " + b, TreeMap::new));
    }

    private static List<String> containerFailures(EngineExecutionResults results) {
        return results.containerEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().map(Throwable::getMessage).orElse("")).toList();
    }

    private static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        // Database names differ from run to run; nothing else may.
        return result.getStatus() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse("")
                .replaceAll("mt_[a-z]+_[0-9a-f]+_[0-9]+", "<database>");
    }
}
