package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A class without {@code @MigrationTest} that asks for a database: JUnit can only say that no
 * resolver is registered; the listener the platform loads from our jar says what is missing, once.
 */
class MissingAnnotationHintTests {

    @Test
    void aDatabaseParameterWithoutTheAnnotationIsExplainedOncePerClass() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // The launcher as build tools create it: with the listeners found through META-INF/services.
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(NotAnnotatedTestCases.class)).build(), summary);
        } finally {
            System.setErr(original);
        }

        assertThat(summary.getSummary().getTotalFailureCount()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[migrationtest]")))
                .containsExactly("[migrationtest] io.github.migrationtest.junit.NotAnnotatedTestCases asks for a"
                        + " MigrationDatabase parameter, but the class is not annotated @MigrationTest, so no database"
                        + " is made for it. Annotate the class, e.g. @MigrationTest(flyway = \"classpath:db/migration\").");
    }
}
