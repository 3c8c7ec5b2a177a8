package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.doctor.DoctorFinding;
import io.github.migrationtest.doctor.DoctorFinding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The history table against the chain: failed entries, entries the chain no longer has, changed checksums,
 * pending migrations and those that sort before applied ones.
 */
public final class HistoryCheck {

    /**
     * What the check found.
     *
     * @param findings the findings
     * @param recordedIndex the index in the chain of the last migration the history covers; -1 for none
     * @param pending the indexes of the versioned migrations a deploy would apply, in chain order
     */
    public record Result(List<DoctorFinding> findings, int recordedIndex, List<Integer> pending) {
    }

    private HistoryCheck() {
    }

    /** Compares the history with the chain's migrations. */
    public static Result check(MigrationChain chain, List<Migration> migrations, List<HistoryEntry> history) {
        Engine engine = chain.kind();
        List<DoctorFinding> findings = new ArrayList<>();
        TreeSet<Integer> applied = new TreeSet<>();
        int baselineIndex = -1;
        for (HistoryEntry entry : history) {
            Optional<Integer> index = indexOf(chain, migrations, entry.id());
            if (entry.description().startsWith("<< Flyway Baseline")) {
                baselineIndex = Math.max(baselineIndex, index.orElse(-1));
                continue;
            }
            if (entry.description().startsWith("<<")) {
                continue;
            }
            if (!entry.success()) {
                findings.add(failed(engine, entry));
                continue;
            }
            if (index.isEmpty()) {
                findings.add(missing(engine, entry));
                continue;
            }
            Migration migration = migrations.get(index.get());
            if (!migration.isRepeatable()) {
                applied.add(index.get());
                checksumMismatch(engine, migration, entry).ifPresent(findings::add);
            }
        }
        int recorded = Math.max(baselineIndex, applied.isEmpty() ? -1 : applied.last());
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            if (migration.isRepeatable()) {
                if (repeatableIsPending(chain, migration, history)) {
                    findings.add(new DoctorFinding(Kind.PENDING, "migration " + migration.id(), "The repeatable "
                            + migration.displayName() + " is new or changed: the deploy applies it after the"
                            + " versioned migrations.", "Nothing to do; the deploy applies it."));
                }
                continue;
            }
            if (applied.contains(i) || i <= baselineIndex) {
                continue;
            }
            pending.add(i);
            if (i < recorded && engine == Engine.FLYWAY) {
                findings.add(outOfOrder(migration, migrations.get(recorded)));
            } else {
                findings.add(new DoctorFinding(Kind.PENDING, "migration " + migration.id(), "The deploy applies "
                        + migration.displayName() + ".", "Nothing to do; it is what the deploy is for."));
            }
        }
        return new Result(findings, recorded, pending);
    }

    private static Optional<Integer> indexOf(MigrationChain chain, List<Migration> migrations, String id) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).id().equals(id) || chain.isNamedBy(migrations.get(i), id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean repeatableIsPending(MigrationChain chain, Migration migration, List<HistoryEntry> history) {
        Optional<HistoryEntry> latest = history.stream().filter(HistoryEntry::success)
                .filter(e -> e.id().equals(migration.id()) || chain.isNamedBy(migration, e.id()))
                .reduce((first, second) -> second);
        return latest.isEmpty() || !latest.get().checksum().equals(migration.checksum());
    }

    private static Optional<DoctorFinding> checksumMismatch(Engine engine, Migration migration, HistoryEntry entry) {
        if (entry.checksum().isEmpty() || migration.checksum().isEmpty()) {
            return Optional.empty();
        }
        String recorded = entry.checksum().get();
        String current = migration.checksum().get();
        // Liquibase prefixes its checksum version ("9:"); a newer Liquibase upgrades older ones by itself.
        if (recorded.equals(current) || engine == Engine.LIQUIBASE && !prefix(recorded).equals(prefix(current))) {
            return Optional.empty();
        }
        String fix = engine == Engine.FLYWAY
                ? "Restore the file as it was when it was applied (its version in git at that deploy); a real change"
                        + " belongs in a new migration. If the edit changes nothing the migration did (comments,"
                        + " formatting), store the new checksum with `flyway repair`."
                : "Restore the changeset as it was applied; a real change belongs in a new changeset. If the edit"
                        + " changes nothing, add <validCheckSum>" + recorded + "</validCheckSum> to it, or run"
                        + " `liquibase clear-checksums`.";
        return Optional.of(new DoctorFinding(Kind.CHECKSUM_MISMATCH, "migration " + migration.id(),
                migration.displayName() + " was changed after it was applied: the history records checksum "
                        + recorded + ", the chain has " + current + ". The engine's validation stops the deploy.",
                fix));
    }

    private static String prefix(String checksum) {
        int colon = checksum.indexOf(':');
        return colon < 0 ? "" : checksum.substring(0, colon);
    }

    private static DoctorFinding failed(Engine engine, HistoryEntry entry) {
        String fix = engine == Engine.FLYWAY
                ? "Find what the failed run left behind (a transactional migration was rolled back; a non-transactional"
                        + " one, e.g. with CREATE INDEX CONCURRENTLY, keeps the statements before the failure), undo or"
                        + " finish it by hand, then run `flyway repair` to remove the failed row, and deploy again."
                : "Clean up what the failed changeset left behind, delete its FAILED row from databasechangelog"
                        + " (DELETE FROM databasechangelog WHERE id = '" + entry.id() + "' AND exectype = 'FAILED'),"
                        + " and deploy again.";
        return new DoctorFinding(Kind.FAILED_MIGRATION, "migration " + entry.id(), "The history records migration "
                + entry.id() + " (" + entry.script() + ") as failed: the engine refuses to migrate until it is repaired.",
                fix);
    }

    private static DoctorFinding missing(Engine engine, HistoryEntry entry) {
        String fix = engine == Engine.FLYWAY
                ? "Restore " + entry.script() + " if it was deleted by mistake. If it was removed on purpose, run"
                        + " `flyway repair` to mark it deleted, or deploy with flyway.ignoreMigrationPatterns=*:missing."
                : "Restore the changeset in the changelog if it was removed by mistake; if on purpose, delete its row"
                        + " (DELETE FROM databasechangelog WHERE id = '" + entry.id() + "').";
        return new DoctorFinding(Kind.APPLIED_BUT_MISSING, "migration " + entry.id(), "The history records migration "
                + entry.id() + " \"" + entry.description() + "\" (" + entry.script() + ") as applied, but the chain"
                + " has no such migration: validation stops the deploy (Flyway: \"Detected applied migration not"
                + " resolved locally\").", fix);
    }

    private static DoctorFinding outOfOrder(Migration migration, Migration latest) {
        return new DoctorFinding(Kind.OUT_OF_ORDER, "migration " + migration.id(), migration.displayName()
                + " is pending but sorts before " + latest.id() + ", which is applied: Flyway's validation stops the"
                + " deploy (\"Detected resolved migration not applied to database\").", "Give it a version above "
                + latest.id() + " (rename the file), or, if it does not depend on the migrations after it, deploy with"
                + " flyway.outOfOrder=true.");
    }
}
