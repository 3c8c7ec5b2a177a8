package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "type ... already exists" and its siblings while the migration that creates the object is not
 * recorded: a run that created it was never recorded, or someone created it by hand.
 */
final class ExistingObjectRule implements Rule {

    private static final Set<String> DUPLICATE_STATES = Set.of("42710", "42P07", "42701", "42P06", "42723");
    private static final Pattern OBJECT = Pattern.compile(
            "^(type|relation|schema|function|column|constraint|trigger) \"([^\"]+)\"(?: of relation \"([^\"]+)\"|"
                    + " for relation \"([^\"]+)\")? already exists");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> RELATION_KINDS = Map.of(
            "r", "table", "p", "table", "i", "index", "I", "index", "S", "sequence", "v", "view", "m", "materialized view");

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        if (failure.sqlState().filter(DUPLICATE_STATES::contains).isEmpty() || failure.migration().isEmpty()) {
            return Optional.empty();
        }
        Migration migration = failure.migration().get();
        Matcher m = OBJECT.matcher(failure.message());
        if (!m.find() || evidence.recorded(migration)) {
            return Optional.empty();
        }
        String kind = m.group(1);
        String name = m.group(2);
        String owner = m.group(3) != null ? m.group(3) : m.group(4);
        if (kind.equals("relation")) {
            kind = evidence.value("select relkind::text from pg_class where oid = to_regclass(?)", name)
                    .map(RELATION_KINDS::get).orElse("relation");
        }
        String object = kind + " " + name + (owner == null ? "" : " of " + owner);
        List<String> facts = new ArrayList<>();
        facts.add("the history has no successful entry for migration " + migration.id());
        existing(kind, name, evidence).ifPresent(facts::add);
        return Optional.of(new Finding(Diagnosis.OBJECT_EXISTS_UNRECORDED,
                object + " already exists, but migration " + migration.id() + " that creates it is not recorded as"
                        + " applied: an earlier run of it (or a person) created it without the engine recording the"
                        + " migration, so every redeploy runs it again and fails here.",
                facts, fix(kind, name, failure.statement().orElse(""), evidence.isLiquibase())));
    }

    /** IF NOT EXISTS in the statement as written: UNIQUE and CONCURRENTLY kept. */
    private static String indexFix(String name, String statement) {
        Matcher create = CREATE_INDEX.matcher(statement);
        if (!create.find()) {
            return "use CREATE INDEX IF NOT EXISTS " + name;
        }
        boolean concurrently = create.group(2) != null;
        return "use CREATE " + (create.group(1) != null ? "UNIQUE " : "") + "INDEX "
                + (concurrently ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + name + (concurrently
                ? " (a failed concurrent build leaves an invalid index of that name, which IF NOT EXISTS accepts:"
                + " drop an invalid one first, with DROP INDEX CONCURRENTLY IF EXISTS where pg_index.indisvalid is"
                + " false)" : "");
    }

    private static Optional<String> existing(String kind, String name, Evidence evidence) {
        if (kind.equals("type")) {
            List<List<String>> labels = evidence.rows("select e.enumlabel from pg_enum e where e.enumtypid ="
                    + " to_regtype(?) order by e.enumsortorder", name);
            return labels.isEmpty() ? Optional.of("type " + name + " exists in the database")
                    : Optional.of("type " + name + " exists as an enum with labels "
                            + labels.stream().map(r -> r.get(0)).toList());
        }
        return Optional.empty();
    }

    private static String fix(String kind, String name, String statement, boolean liquibase) {
        String idempotent = switch (kind) {
            case "type" -> "create it only where it is missing - PostgreSQL has no CREATE TYPE IF NOT EXISTS:"
                    + " DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '" + name + "') THEN CREATE"
                    + " TYPE " + name + " AS ENUM (...); END IF; END $$;";
            case "table" -> "use CREATE TABLE IF NOT EXISTS " + name + " (and ADD COLUMN IF NOT EXISTS for its"
                    + " later columns)";
            case "index" -> indexFix(name, statement);
            case "sequence" -> "use CREATE SEQUENCE IF NOT EXISTS " + name;
            case "view", "materialized view" -> "use CREATE OR REPLACE VIEW (or CREATE MATERIALIZED VIEW IF NOT EXISTS)";
            case "column" -> "use ADD COLUMN IF NOT EXISTS " + name;
            case "schema" -> "use CREATE SCHEMA IF NOT EXISTS " + name;
            case "function" -> "use CREATE OR REPLACE FUNCTION";
            default -> "drop it if it exists before creating it, or check the catalog in a DO block";
        };
        String engine = liquibase ? " With Liquibase, a precondition does the same: <preConditions onFail=\"MARK_RAN\">."
                : "";
        return "Make the migration safe to run where the object exists: " + idempotent + "." + engine
                + " Recording the migration by hand also unblocks this database, but only this one.";
    }
}
