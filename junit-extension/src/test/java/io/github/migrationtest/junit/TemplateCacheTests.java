package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class TemplateCacheTests {

    @BeforeAll
    static void generateAHundredMigrations() throws Exception {
        Path location = Paths.get(TemplateCacheTestCases.LOCATION);
        Files.createDirectories(location);
        for (int i = 1; i <= 100; i++) {
            Files.writeString(location.resolve("V" + i + "__create_table_" + i + ".sql"),
                    "CREATE TABLE table_" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text,"
                            + " created_at timestamptz NOT NULL DEFAULT now());\n"
                            + "CREATE INDEX table_" + i + "_created_at ON table_" + i + " (created_at);\n");
        }
    }

    @Test
    void twentyTestsOnAHundredMigrationsApplyTheChainOnce() {
        TemplateCache cache = TestDatabases.factory().templates();
        int builtBefore = cache.templatesBuilt();
        int appliedBefore = cache.migrationsApplied();

        EngineExecutionResults results = EngineRuns.run(TemplateCacheTestCases.TwentyTestsOnAHundredMigrations.class);

        results.testEvents().assertStatistics(stats -> stats.started(20).succeeded(20));
        assertThat(cache.templatesBuilt() - builtBefore).isEqualTo(1);
        assertThat(cache.migrationsApplied() - appliedBefore).isEqualTo(100);
    }
}
