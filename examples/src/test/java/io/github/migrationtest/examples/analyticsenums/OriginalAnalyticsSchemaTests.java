package io.github.migrationtest.examples.analyticsenums;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.Migrated;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/**
 * The schema the original chain builds on an empty database, committed as head.schema: the fixed
 * chain must build the same (rewrite with -Dmigrationtest.update-snapshots=true after a deliberate change).
 */
@MigrationTest(flyway = "classpath:incidents/analytics-enums/original")
class OriginalAnalyticsSchemaTests {

    @Test
    void buildsTheCommittedSchema(@Migrated MigrationDatabase db) {
        assertThat(db).matchesSnapshot("src/test/resources/incidents/analytics-enums/head.schema");
    }
}
