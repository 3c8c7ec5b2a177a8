package io.github.migrationtest.examples.analyticsenums;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static io.github.migrationtest.assertions.MigrationAssertions.assertThatHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.Migrated;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The fixed chain: the same broken state no longer stops the deployment. */
@MigrationTest(flyway = "classpath:incidents/analytics-enums/fixed")
class FixedAnalyticsChainTests {

    // tag::fixed[]
    @Test
    void survivesTheRedeployWhenTheEnumExistsButItsMigrationIsNotRecorded(MigrationDatabase db) {
        AnalyticsDeployment.enumCreatedButMigrationUnrecorded(db);

        assertThat(db.migrate()).succeeded().hasApplied("2");
        assertThatHistory(db).hasIds("1", "2");
        assertThat(db).enumType("platformtype").hasLabels("meta_ads", "tiktok_ads", "google_ads");
        assertThat(db).table("campaign_metrics").column("platform").hasType("platformtype").isNotNullable();
    }
    // end::fixed[]

    @Test
    void stillInstallsOnAnEmptyDatabase(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded().hasApplied("1", "2");
        assertThat(db).enumType("platformtype").hasLabels("meta_ads", "tiktok_ads", "google_ads");
    }

    @Test
    void endsWithTheSchemaOfTheOriginalChain(@Migrated MigrationDatabase db) {
        assertThat(db).matchesSnapshot("src/test/resources/incidents/analytics-enums/head.schema");
    }

    @Test
    void acceptsRowsThatUseEveryPlatform(@Migrated MigrationDatabase db) {
        db.execute("INSERT INTO campaign_metrics (platform, metric, granularity, bucket, value)"
                + " SELECT p, 'clicks', 'day', now(), 1 FROM unnest(enum_range(NULL::platformtype)) AS p");

        assertThat(db.query("select count(*) as n from campaign_metrics").get(0)).containsEntry("n", 3L);
    }
}
