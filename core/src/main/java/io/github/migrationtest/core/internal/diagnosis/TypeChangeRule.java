package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type change that its values do not survive: 22001 (longer than the new varchar), 42804 (no
 * automatic cast) or 22P02 (a value that does not read as the new type; casts to enums are
 * {@link EnumValuesRule}'s). The evidence is the offending values.
 */
final class TypeChangeRule implements Rule {

    private static final Pattern ALTER_TYPE = Pattern.compile("ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+"
            + "(?:SET\\s+DATA\\s+)?TYPE\\s+([\\w.\" ]+?(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])?)"
            + "(?:\\s+USING\\s+(.+?))?\\s*(?:,|;|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOO_LONG = Pattern.compile("value too long for type character(?: varying)?\\((\\d+)\\)");
    private static final int MOST_VALUES = 20;
    private static final int VALUES_TRIED = 500;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        String state = failure.sqlState().orElse("");
        if (!List.of("22001", "42804", "22P02").contains(state) || failure.statement().isEmpty()
                || failure.message().startsWith("invalid input value for enum")) {
            return Optional.empty();
        }
        Matcher alter = ALTER_TYPE.matcher(failure.statement().get());
        Optional<String> table = DataStatements.table(failure.statement());
        if (!alter.find() || table.isEmpty()) {
            return Optional.empty();
        }
        String column = alter.group(1);
        String type = alter.group(2).strip();
        String using = alter.group(3) == null ? column + "::" + type : alter.group(3).strip();
        List<String> facts = new ArrayList<>();
        Matcher tooLong = TOO_LONG.matcher(failure.message());
        if (state.equals("22001") && tooLong.find()) {
            int length = Integer.parseInt(tooLong.group(1));
            String where = "length(" + column + "::text) > " + length;
            String count = evidence.value("select count(*) from " + table.get() + " where " + where).orElse("?");
            facts.add(table.get() + "." + column + " holds " + count + " value(s) longer than " + length
                    + " characters:");
            evidence.rows("select " + column + "::text, length(" + column + "::text) from " + table.get() + " where "
                    + where + " order by 2 desc, 1 limit " + MOST_VALUES)
                    .forEach(r -> facts.add("  '" + r.get(0) + "' (" + r.get(1) + " characters)"));
            return Optional.of(new Finding(Diagnosis.VALUES_TOO_LONG, "the new type " + type + " of " + table.get()
                    + "." + column + " is shorter than values it holds; an empty database has none, production does.",
                    facts, "Shorten or clean those values first (UPDATE " + table.get() + " SET " + column + " = left("
                            + column + ", " + length + ") WHERE " + where + ", if cutting is right), or keep a longer"
                            + " type: text with CHECK (length(" + column + ") <= " + length + ") NOT VALID needs no"
                            + " rewrite."));
        }
        List<String> values = evidence.rows("select distinct " + column + "::text from " + table.get() + " where "
                + column + " is not null limit " + VALUES_TRIED).stream().map(r -> r.get(0)).toList();
        String castType = type;
        List<String> failing = evidence.notConvertible(values, castType).stream().limit(MOST_VALUES).toList();
        if (!failing.isEmpty()) {
            facts.add(table.get() + "." + column + " holds value(s) that do not convert to " + type + ":");
            failing.forEach(v -> facts.add("  '" + v + "'"));
        }
        String explanation = state.equals("42804")
                ? "PostgreSQL has no automatic cast from the column's type to " + type + "; the migration needs a USING"
                        + " clause, and the values must convert through it."
                : "the conversion of " + table.get() + "." + column + " to " + type + " (" + using + ") meets values"
                        + " that do not convert; an empty database has none, production does.";
        return Optional.of(new Finding(Diagnosis.VALUES_DO_NOT_CONVERT, explanation, facts, "Clean the values that do"
                + " not convert first, then ALTER COLUMN " + column + " TYPE " + type + " USING <expression> (e.g."
                + " USING CASE WHEN " + column + " ~ '^-?[0-9]+$' THEN " + column + "::" + type + " END); on a large"
                + " table prefer a new column, backfilled in batches, over a rewrite under ACCESS EXCLUSIVE."));
    }
}
