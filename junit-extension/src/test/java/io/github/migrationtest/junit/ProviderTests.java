package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.docker.DockerServers;
import io.github.migrationtest.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** @MigrationTest on the docker and external providers (the embedded one runs everywhere else). */
class ProviderTests {

    @Test
    void dockerProviderRunsEachVersionInItsContainer() {
        boolean required = "true".equals(System.getenv("MIGRATIONTEST_REQUIRE_DOCKER"))
                || Boolean.getBoolean("migrationtest.require-docker");
        Assumptions.assumeTrue(required || DockerServers.dockerAnswers(), "No Docker API answers on this machine"
                + " (set DOCKER_HOST; MIGRATIONTEST_REQUIRE_DOCKER=true makes this a failure instead)");

        EngineExecutionResults results = EngineRuns.run(ProviderTestCases.OnDocker.class);

        // The failures first, so that a red run shows their cause rather than a count.
        results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("PostgreSQL 15 (docker)", "PostgreSQL 17 (docker)");
    }

    @Test
    void externalProviderUsesTheServerItIsPointedAt() throws Exception {
        PostgresServer host = TestDatabases.server();
        try (Connection c = host.address().connect("postgres", "test"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS ci_runner");
            s.execute("CREATE ROLE ci_runner LOGIN CREATEDB PASSWORD 'ci-secret'");
        }
        Map<String, String> settings = Map.of(
                "migrationtest.external.url", "jdbc:postgresql://127.0.0.1:" + host.address().port() + "/postgres",
                "migrationtest.external.user", "ci_runner",
                "migrationtest.external.password", "ci-secret");
        settings.forEach(System::setProperty);
        try {
            EngineExecutionResults results = EngineRuns.run(ProviderTestCases.OnExternal.class);

            results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                    .contains("PostgreSQL 17 (external)");
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
