package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Settings from JUnit configuration parameters (junit-platform.properties, or what Gradle and IDEs hand the
 * launcher), with no system property: what a Gradle build gets without -D plumbing.
 */
class ConfigurationParameterTests {

    @Test
    void versionsAndProviderComeFromConfigurationParameters() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("migrationtest.postgres", "15,16")
                .configurationParameter("migrationtest.provider", "embedded")
                .selectors(selectClass(ConfigurationParameterTestCases.VersionFromParameters.class))
                .execute();

        results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("PostgreSQL 15 (embedded)", "PostgreSQL 16 (embedded)");
    }

    @Test
    void theAnnotationWinsOverAConfigurationParameter() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("migrationtest.postgres", "15")
                .configurationParameter("migrationtest.provider", "embedded")
                .selectors(selectClass(ConfigurationParameterTestCases.VersionInTheAnnotation.class))
                .execute();

        results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("PostgreSQL 17 (embedded)").doesNotContain("PostgreSQL 15 (embedded)");
    }

    @Test
    void aWrongValueFromAConfigurationParameterFailsTheClassWithItsKey() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("migrationtest.provider", "kubernetes")
                .selectors(selectClass(ConfigurationParameterTestCases.VersionFromParameters.class))
                .execute();

        assertThat(EngineRuns.onlyFailure(results)).hasMessageContaining("kubernetes")
                .hasMessageContaining("migrationtest.provider");
    }
}
