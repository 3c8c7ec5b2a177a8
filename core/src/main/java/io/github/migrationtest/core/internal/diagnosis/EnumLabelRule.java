package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "enum label ... already exists": the label a migration adds (or renames a label to) is there already,
 * added by hand as a hotfix or by a run of the migration that was not recorded. The fix is written for the
 * statement that failed: {@code ADD VALUE} keeps its {@code BEFORE}/{@code AFTER}, {@code RENAME VALUE}
 * renames only where the old label is still there.
 */
final class EnumLabelRule implements Rule {

    private static final Pattern MESSAGE = Pattern.compile("^enum label \"(.*)\" already exists");
    private static final Pattern NOT_A_LABEL = Pattern.compile("^\"(.*)\" is not an existing enum label");
    private static final String LITERAL = "'((?:[^']|'')*)'";
    private static final Pattern ADD = Pattern.compile("ALTER\\s+TYPE\\s+([\\w.\"]+)\\s+ADD\\s+VALUE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + LITERAL + "(?:\\s+(BEFORE|AFTER)\\s+" + LITERAL + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile("ALTER\\s+TYPE\\s+([\\w.\"]+)\\s+RENAME\\s+VALUE\\s+"
            + LITERAL + "\\s+TO\\s+" + LITERAL, Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        String statement = failure.statement().orElse("");
        String migration = failure.migration().map(mi -> "migration " + mi.id()).orElse("the migration");
        Matcher rename = RENAME.matcher(statement);
        Matcher gone = NOT_A_LABEL.matcher(failure.message());
        if (failure.sqlState().orElse("").equals("22023") && gone.find() && rename.find()) {
            // The rename ran before, unrecorded: the old label is gone, the new one there.
            return Optional.of(renamed(rename.group(1), unquote(rename.group(2)), unquote(rename.group(3)), migration,
                    evidence));
        }
        Matcher m = MESSAGE.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("42710") || !m.find()) {
            return Optional.empty();
        }
        String label = m.group(1);
        if (rename.find(0)) {
            return Optional.of(renamed(rename.group(1), unquote(rename.group(2)), unquote(rename.group(3)), migration,
                    evidence));
        }
        Matcher add = ADD.matcher(statement);
        boolean adds = add.find();
        Optional<String> type = adds ? Optional.of(add.group(1)) : typeWithLabel(label, evidence);
        String typeName = type.orElse("the enum type");
        String position = adds && add.group(3) != null
                ? " " + add.group(3).toUpperCase(java.util.Locale.ROOT) + " " + literal(unquote(add.group(4))) : "";
        return Optional.of(new Finding(Diagnosis.ENUM_LABEL_EXISTS,
                "the label '" + label + "' that " + migration + " adds to enum " + typeName + " is there already"
                        + " (added by hand, or by a run of the migration that was not recorded).",
                labels(type, evidence), "Add the label only where it is missing: ALTER TYPE " + typeName
                        + " ADD VALUE IF NOT EXISTS " + literal(label) + position + ". Do not catch the error"
                        + " instead: in a transaction that aborts every later statement (25P02)."));
    }

    private static Finding renamed(String type, String from, String to, String migration, Evidence evidence) {
        String fix = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = " + literal(type) + "::regtype"
                + " AND enumlabel = " + literal(from) + ") AND NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = "
                + literal(type) + "::regtype AND enumlabel = " + literal(to) + ") THEN ALTER TYPE " + type
                + " RENAME VALUE " + literal(from) + " TO " + literal(to) + "; END IF; END $$;";
        return new Finding(Diagnosis.ENUM_LABEL_EXISTS,
                "the label '" + to + "' that " + migration + " renames '" + from + "' to in enum " + type + " is"
                        + " there already: the rename ran before without being recorded (then '" + from + "' is gone),"
                        + " or '" + to + "' was added by hand.",
                labels(Optional.of(type), evidence), "Rename only where the old label is still there and the new one"
                        + " is not: " + fix + " If both labels exist, rows may use either: move them to '" + to
                        + "' first; PostgreSQL cannot drop an enum label.");
    }

    private static List<String> labels(Optional<String> type, Evidence evidence) {
        return type.map(t -> evidence.rows("select enumlabel from pg_enum where enumtypid = to_regtype(?)"
                        + " order by enumsortorder", t)).filter(rows -> !rows.isEmpty())
                .map(rows -> List.of("enum " + type.get() + " has labels " + rows.stream().map(r -> r.get(0)).toList()))
                .orElse(List.of());
    }

    /** The one enum type that has the label, where the statement does not say (a DO block, a Java migration). */
    private static Optional<String> typeWithLabel(String label, Evidence evidence) {
        List<List<String>> types = evidence.rows("select distinct enumtypid::regtype::text from pg_enum"
                + " where enumlabel = ?", label);
        return types.size() == 1 ? Optional.of(types.get(0).get(0)) : Optional.empty();
    }

    private static String unquote(String literal) {
        return literal.replace("''", "'");
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
