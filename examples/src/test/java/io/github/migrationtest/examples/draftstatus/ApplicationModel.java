package io.github.migrationtest.examples.draftstatus;

import io.github.migrationtest.core.DatabaseSeed;
import io.github.migrationtest.core.Seeded;

/** What the application's test set-up did before the chain ran: create the types its model declares. */
final class ApplicationModel {

    private ApplicationModel() {
    }

    /** The model's enum as the ORM maps it by default: the type named after it, the constants' names as labels. */
    static DatabaseSeed typesCreatedFromTheModel() {
        return db -> {
            db.execute("CREATE TYPE draft_status AS ENUM ('STREAMING', 'PARTIAL', 'COMPLETE', 'EDITING', 'EXPORTED')");
            return Seeded.NOTHING;
        };
    }
}
