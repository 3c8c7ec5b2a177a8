package io.github.migrationtest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

import io.github.migrationtest.spring.app.SpringTestCases;
import io.github.migrationtest.spring.app.TicketsApplication;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** @SpringMigrationTest on a real Boot application: its settings, its DataSource per test, one context. */
class SpringMigrationTestTests {

    @Test
    void twentyTestsAndAnotherClassOfTheSameConfigurationShareOneContext() {
        int before = TicketsApplication.CONTEXTS.get();

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SpringTestCases.TwentyTests.class),
                        selectClass(SpringTestCases.AtAnEarlierVersion.class))
                .execute();

        // First the classes, so that a context that fails to start shows its cause rather than "0 tests started".
        results.containerEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(stats -> stats.started(21).succeeded(21));
        assertThat(TicketsApplication.CONTEXTS.get() - before).as("application contexts started").isEqualTo(1);
    }

    @Test
    void theActiveProfileOfTheTestChangesTheChainsPlaceholders() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SpringTestCases.LegacyProfile.class)).execute();

        results.containerEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }
}
