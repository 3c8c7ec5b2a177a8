package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class StartFromTests {

    @Test
    void everyDatabaseOfTheClassStartsFromTheDump() {
        EngineExecutionResults results = EngineRuns.run(StartFromTestCases.ClassStartsFromADump.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void aParameterCanStartFromADumpOfItsOwn() {
        EngineExecutionResults results = EngineRuns.run(StartFromTestCases.ParameterStartsFromADump.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aMissingDumpFailsTheClassBeforeAnyTestRuns() {
        EngineExecutionResults results = EngineRuns.run(StartFromTestCases.DumpIsMissing.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(EngineRuns.onlyFailure(results)).hasMessageContaining("@MigrationTest on DumpIsMissing is misconfigured")
                .hasMessageContaining("The dump classpath:dumps/missing.sql is not on the class path: put it at"
                        + " src/test/resources/dumps/missing.sql");
    }
}
