package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.scenarios.BrokenState.Kind;

/**
 * The broken states of the engine's history: a failed entry, a recorded migration the chain lacks, a checksum
 * mismatch; {@link BrokenStates} documents them.
 */
final class HistoryStates {

    private HistoryStates() {
    }

    // See BrokenStates.failedMigrationRecorded.
    static BrokenState failedMigrationRecorded(String migrationId) {
        return BrokenState.of(Kind.FAILED_MIGRATION_RECORDED, "failed migration recorded: " + migrationId,
                "records migration " + migrationId + " as failed in the history", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "failedMigrationRecorded");
                    db.chain().engineHistory().recordFailed(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.recordedButMissing.
    static BrokenState recordedButMissing(String migrationId, String description) {
        return BrokenState.of(Kind.RECORDED_BUT_MISSING, "recorded but missing: " + migrationId,
                "records migration " + migrationId + " \"" + description + "\", which the chain does not have, as"
                        + " applied", db -> {
                    if (db.migrations().stream().anyMatch(m -> m.id().equals(migrationId))) {
                        throw new MigrationTestException("recordedButMissing(\"" + migrationId + "\", ...): the "
                                + db.chain().description() + " has migration " + migrationId + "; this state records"
                                + " one it does not have. Pick an id between two of its migrations, e.g. 1.5.");
                    }
                    db.chain().engineHistory().recordApplied(db.dataSource(), migrationId, description);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.checksumMismatch.
    static BrokenState checksumMismatch(String migrationId) {
        return BrokenState.of(Kind.CHECKSUM_MISMATCH, "checksum mismatch: " + migrationId,
                "changes the checksum the history records for migration " + migrationId, db -> {
                    Migration migration = StateSupport.migration(db, migrationId);
                    if (!StateSupport.recorded(db, migration)) {
                        throw new MigrationTestException("checksumMismatch(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " is not recorded as applied in " + db.name() + "; only an"
                                + " applied migration has a recorded checksum. Migrate to it first: db.migrateTo(\""
                                + migrationId + "\").");
                    }
                    db.chain().engineHistory().changeChecksum(db.dataSource(), migration);
                    return Seeded.NOTHING;
                });
    }
}
