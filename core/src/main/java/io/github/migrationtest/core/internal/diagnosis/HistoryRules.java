package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine refuses to migrate because its history disagrees with the chain: a failed migration is
 * recorded, an applied migration changed (checksum), or the history has a migration the chain lacks.
 * These stop the run before any migration, so the failure names no migration; the finding does.
 */
final class HistoryRules implements Rule {

    private static final Pattern FAILED = Pattern.compile(
            "(?:Detected failed migration to version|contains a failed migration to version) ([^\\s(!]+)");
    private static final Pattern CHECKSUM = Pattern.compile("Migration checksum mismatch for migration version (\\S+)"
            + "\\s*-> Applied to database : (\\S+)\\s*-> Resolved locally\\s*: (\\S+)");
    private static final Pattern LIQUIBASE_CHECKSUM = Pattern.compile("(\\S+::\\S+::\\S+) was: (\\S+) but is now: (\\S+)");
    private static final Pattern NON_EMPTY = Pattern.compile("Found non-empty schema\\(s\\) (.+?) but no schema history table");
    private static final Pattern NOT_APPLIED = Pattern.compile("Detected resolved migration not applied to database:"
            + " ([^\\s]+?)\\.?\\s");
    private static final Pattern MISSING = Pattern.compile("Detected applied migration not resolved locally: ([^\\s]+?)\\.?\\s");

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        if (failure.kind() != MigrationFailure.Kind.ENGINE_ERROR) {
            return Optional.empty();
        }
        String message = failure.engineMessage() + "\n";
        Matcher failed = FAILED.matcher(message);
        if (failed.find()) {
            return Optional.of(failed(failed.group(1), evidence));
        }
        Matcher checksum = CHECKSUM.matcher(message);
        if (checksum.find()) {
            List<String> facts = new ArrayList<>();
            do {
                facts.add("migration " + checksum.group(1) + ": the history records checksum " + checksum.group(2)
                        + ", the chain's migration has " + checksum.group(3));
            } while (checksum.find());
            return Optional.of(checksumMismatch(facts, false));
        }
        Matcher liquibaseChecksum = LIQUIBASE_CHECKSUM.matcher(message);
        if (message.contains("check sum") && liquibaseChecksum.find()) {
            List<String> facts = new ArrayList<>();
            do {
                facts.add("changeset " + liquibaseChecksum.group(1) + ": the history records checksum "
                        + liquibaseChecksum.group(2) + ", the changelog has " + liquibaseChecksum.group(3));
            } while (liquibaseChecksum.find());
            return Optional.of(checksumMismatch(facts, true));
        }
        Matcher nonEmpty = NON_EMPTY.matcher(message);
        if (nonEmpty.find()) {
            return Optional.of(nonEmpty(nonEmpty.group(1), evidence));
        }
        Matcher notApplied = NOT_APPLIED.matcher(message);
        if (notApplied.find()) {
            List<String> ids = new ArrayList<>();
            do {
                ids.add(notApplied.group(1));
            } while (notApplied.find());
            return Optional.of(outOfOrder(ids, evidence));
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            List<String> ids = new ArrayList<>();
            do {
                ids.add(missing.group(1));
            } while (missing.find());
            return Optional.of(missing(ids, evidence));
        }
        return Optional.empty();
    }

    private static Finding failed(String id, Evidence evidence) {
        List<String> facts = new ArrayList<>();
        entry(id, evidence).ifPresent(e -> facts.add("the history records migration " + describe(e) + " as failed"));
        evidence.rows("select c.relname, t.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " join pg_class t on t.oid = i.indrelid where not i.indisvalid order by 1")
                .forEach(r -> facts.add("index " + r.get(0) + " on " + r.get(1) + " is invalid, left by the failed run"));
        return new Finding(Diagnosis.FAILED_MIGRATION_RECORDED,
                "migration " + id + " failed in an earlier run, outside a transaction, and the engine recorded the"
                        + " failure; it refuses to migrate until the history is repaired, and what the failed run did"
                        + " before it stopped is still in the database.",
                facts, "Undo or complete what the failed run left (see above), remove the failed entry (flyway repair),"
                        + " and migrate again. Make the migration safe to rerun over its own partial work"
                        + " (IF NOT EXISTS, DROP INDEX CONCURRENTLY IF EXISTS before CREATE INDEX CONCURRENTLY):"
                        + " only a migration that runs outside a transaction can fail half way.");
    }

    private static Finding checksumMismatch(List<String> facts, boolean liquibase) {
        return new Finding(Diagnosis.CHECKSUM_MISMATCH,
                "a migration was edited after it was applied to this database: its checksum no longer matches"
                        + " the history, and the engine refuses to migrate. The edit never reaches databases that"
                        + " applied the old text.",
                facts, "Revert the edit and put the change in a new migration. If the edit changes nothing that"
                        + " matters (a comment, whitespace), " + (liquibase ? "accept the new checksum: validCheckSum"
                        + " on the changeset, or liquibase clear-checksums." : "realign the recorded checksum with"
                        + " flyway repair."));
    }

    private static Finding nonEmpty(String schemas, Evidence evidence) {
        List<String> facts = new ArrayList<>();
        List<String> tables = evidence.rows("select n.nspname || '.' || c.relname from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname !~ '^pg_'"
                + " and n.nspname <> 'information_schema' order by 1 limit 11").stream().map(r -> r.get(0)).toList();
        if (!tables.isEmpty()) {
            facts.add("tables already there: " + String.join(", ", tables.subList(0, Math.min(10, tables.size())))
                    + (tables.size() > 10 ? ", ..." : ""));
        }
        return new Finding(Diagnosis.EXISTING_SCHEMA_WITHOUT_HISTORY,
                "schema " + schemas + " has objects but no history table: the database was built before or without"
                        + " the chain (by hand, by another tool), and Flyway refuses to guess which migrations it"
                        + " already contains.",
                facts, "Baseline it: flyway.baselineOnMigrate=true with flyway.baselineVersion set to the last migration"
                        + " the database already matches, or to 0 to run them all - then the migrations that create"
                        + " what may already exist must be idempotent (CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT"
                        + " EXISTS).");
    }

    private static Finding missing(List<String> ids, Evidence evidence) {
        List<String> facts = new ArrayList<>();
        for (String id : ids) {
            facts.add(entry(id, evidence).map(e -> "the history records migration " + describe(e)
                    + ", which the chain does not have").orElse("the history records migration " + id
                    + ", which the chain does not have"));
        }
        return new Finding(Diagnosis.APPLIED_MIGRATION_MISSING,
                "the database was migrated by a chain that had migration " + String.join(", ", ids) + " (another"
                        + " branch, a release that was rolled back), and this chain does not have it: its changes may"
                        + " be in the database while no migration of this chain accounts for them.",
                facts, "Restore the migration to the chain, or, if it was removed on purpose, undo its changes and mark"
                        + " it deleted (flyway repair), or let validation accept it:"
                        + " flyway.ignoreMigrationPatterns=*:missing.");
    }

    private static Finding outOfOrder(List<String> ids, Evidence evidence) {
        List<String> facts = new ArrayList<>();
        evidence.history().stream().filter(HistoryEntry::success).reduce((first, second) -> second)
                .ifPresent(newest -> facts.add("the newest applied migration is " + describe(newest)));
        ids.forEach(id -> facts.add("migration " + id + " is pending, older than that"));
        return new Finding(Diagnosis.MIGRATION_OUT_OF_ORDER,
                "migration " + String.join(", ", ids) + " is older than migrations this database has applied (a"
                        + " branch merged after a later release, a version number reused), and Flyway applies"
                        + " migrations in order only: it refuses to migrate.",
                facts, "Give the migration a version after the newest applied one, or let Flyway apply it out of"
                        + " order where that is safe: flyway.outOfOrder=true (in @MigrationTest(properties) or"
                        + " migrationtest.properties). To leave it out on purpose:"
                        + " flyway.ignoreMigrationPatterns=*:ignored.");
    }

    private static Optional<HistoryEntry> entry(String id, Evidence evidence) {
        return evidence.history().stream().filter(e -> e.id().equals(id)).reduce((first, second) -> second);
    }

    private static String describe(HistoryEntry entry) {
        return entry.id() + " \"" + entry.description() + "\" (" + entry.script() + ")"
                + entry.installedOn().map(t -> ", installed on " + t).orElse("");
    }
}
