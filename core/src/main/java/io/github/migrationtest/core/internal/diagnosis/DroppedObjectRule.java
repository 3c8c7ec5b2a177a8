package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement that drops what is gone already: a {@code DROP INDEX}, {@code DROP TABLE}, or
 * {@code ALTER TABLE ... DROP COLUMN / DROP CONSTRAINT} without {@code IF EXISTS}, run where an earlier,
 * unrecorded run of the migration (or a person) dropped the object. The fix is the statement with
 * {@code IF EXISTS}.
 */
final class DroppedObjectRule implements Rule {

    private static final Set<String> MISSING_STATES = Set.of("42704", "42P01", "42703", "42883");
    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern DROP = Pattern.compile("^\\s*DROP\\s+(INDEX|TABLE|VIEW|MATERIALIZED\\s+VIEW|SEQUENCE"
            + "|TYPE|FUNCTION|PROCEDURE|TRIGGER|SCHEMA|DOMAIN)\\s+(CONCURRENTLY\\s+)?(?!IF\\s+EXISTS)" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_DROP = Pattern.compile("^\\s*ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?"
            + NAME + "\\s+DROP\\s+(COLUMN|CONSTRAINT)\\s+(?!IF\\s+EXISTS)" + NAME, Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        if (failure.sqlState().filter(MISSING_STATES::contains).isEmpty() || failure.statement().isEmpty()
                || !failure.message().contains("does not exist")) {
            return Optional.empty();
        }
        String statement = failure.statement().get().strip();
        String migration = failure.migration().map(m -> "migration " + m.id()).orElse("the migration");
        Matcher drop = DROP.matcher(statement);
        if (drop.find()) {
            String kind = drop.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            String fixed = "DROP " + kind + " " + (drop.group(2) != null ? "CONCURRENTLY " : "") + "IF EXISTS "
                    + statement.substring(drop.start(3));
            return Optional.of(finding(kind.toLowerCase(java.util.Locale.ROOT) + " " + drop.group(3), migration,
                    fixed));
        }
        Matcher alter = ALTER_DROP.matcher(statement);
        if (alter.find()) {
            String what = alter.group(2).toUpperCase(java.util.Locale.ROOT);
            String fixed = statement.substring(0, alter.start(2)) + what + " IF EXISTS "
                    + statement.substring(alter.start(3));
            return Optional.of(finding(what.toLowerCase(java.util.Locale.ROOT) + " " + alter.group(3) + " of table "
                    + alter.group(1), migration, fixed));
        }
        return Optional.empty();
    }

    private static Finding finding(String object, String migration, String fixed) {
        return new Finding(Diagnosis.OBJECT_ALREADY_DROPPED, object + " that " + migration + " drops is gone already:"
                + " an earlier run of the migration dropped it without being recorded (or a person did), so running"
                + " it again fails here.", List.of(object + " does not exist in the database"),
                "Drop it only where it exists: " + fixed + (fixed.endsWith(";") ? "" : ";"));
    }
}
