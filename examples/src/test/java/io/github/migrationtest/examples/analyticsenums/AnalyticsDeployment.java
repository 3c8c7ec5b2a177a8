package io.github.migrationtest.examples.analyticsenums;

import io.github.migrationtest.core.MigrationDatabase;

/** The state production was in when the redeploy failed. */
final class AnalyticsDeployment {

    private AnalyticsDeployment() {
    }

    /**
     * Puts the database where the interrupted deployment left it: the audit release (V1) recorded,
     * the analytics enum created by a first attempt at V2, V2 itself not recorded. The enum comes from
     * an earlier build of V2 and lacks the label added since.
     */
    // tag::broken-state[]
    static void enumCreatedButMigrationUnrecorded(MigrationDatabase db) {
        db.migrateTo("1");                                                   // V1 applied and recorded
        db.execute("CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads')"); // V2's enum, V2 not recorded
    }
    // end::broken-state[]
}
