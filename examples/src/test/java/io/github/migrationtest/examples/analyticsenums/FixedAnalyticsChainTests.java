package io.github.migrationtest.examples.analyticsenums;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.HistoryEntry;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationResult;
import io.github.migrationtest.junit.Migrated;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The fixed chain: the same broken state no longer stops the deployment. */
@MigrationTest(flyway = "classpath:incidents/analytics-enums/fixed")
class FixedAnalyticsChainTests {

    @Test
    void survivesTheRedeployWhenTheEnumExistsButItsMigrationIsNotRecorded(MigrationDatabase db) {
        AnalyticsDeployment.enumCreatedButMigrationUnrecorded(db);

        MigrationResult result = db.migrate();

        assertThat(result.failure()).isEmpty();
        assertThat(result.appliedIds()).containsExactly("2");
        assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2");
        assertThat(enumLabels(db, "platformtype")).containsExactly("meta_ads", "tiktok_ads", "google_ads");
    }

    @Test
    void stillInstallsOnAnEmptyDatabase(MigrationDatabase db) {
        assertThat(db.migrate().appliedIds()).containsExactly("1", "2");
        assertThat(enumLabels(db, "platformtype")).containsExactly("meta_ads", "tiktok_ads", "google_ads");
    }

    @Test
    void acceptsRowsThatUseEveryPlatform(@Migrated MigrationDatabase db) {
        db.execute("INSERT INTO campaign_metrics (platform, metric, granularity, bucket, value)"
                + " SELECT p, 'clicks', 'day', now(), 1 FROM unnest(enum_range(NULL::platformtype)) AS p");

        assertThat(db.query("select count(*) as n from campaign_metrics").get(0)).containsEntry("n", 3L);
    }

    private static java.util.List<Object> enumLabels(MigrationDatabase db, String type) {
        return db.query("select enumlabel from pg_enum where enumtypid = ?::regtype order by enumsortorder", type)
                .stream().map(row -> row.get("enumlabel")).toList();
    }
}
