package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "invalid input value for enum" while a column is cast to the enum: legacy values that are not
 * labels. Lists every offending value with its count, queried from the column.
 */
final class EnumValuesRule implements Rule {

    private static final Pattern MESSAGE = Pattern.compile("invalid input value for enum ([^:]+): \"(.*)\"");
    private static final Pattern ALTER = Pattern.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + "([\\w.\"]+).*?ALTER\\s+(?:COLUMN\\s+)?([\\w\"]+)\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+([\\w.\"]+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MOST_VALUES = 20;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher message = MESSAGE.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("22P02") || !message.find()) {
            return Optional.empty();
        }
        String enumType = message.group(1).trim();
        String firstValue = message.group(2);
        Optional<Matcher> alter = failure.statement().map(ALTER::matcher).filter(Matcher::find)
                .filter(a -> unquoted(a.group(3)).endsWith(unquoted(enumType)));
        if (alter.isEmpty()) {
            return Optional.of(new Finding(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS,
                    "the value '" + firstValue + "' is not a label of enum " + enumType + ".", List.of(),
                    "Add the label (ALTER TYPE " + enumType + " ADD VALUE IF NOT EXISTS '" + firstValue + "', in a"
                            + " migration of its own) or change the value before it reaches the enum."));
        }
        String table = alter.get().group(1);
        String column = alter.get().group(2);
        List<String> labels = labels(enumType, failure, evidence);
        List<List<String>> offending = labels.isEmpty() ? List.of() : evidence.rows("select " + column + "::text, count(*)"
                + " from " + table + " where " + column + " is not null and " + column + "::text <> all (?)"
                + " group by 1 order by 2 desc, 1 limit " + MOST_VALUES, (Object) labels.toArray(String[]::new));
        List<String> facts = new ArrayList<>();
        if (offending.isEmpty()) {
            facts.add("the first value that failed is '" + firstValue + "'");
        } else {
            facts.add(table + "." + column + " holds " + offending.size() + (offending.size() == MOST_VALUES ? "+" : "")
                    + " distinct value(s) that are not labels of " + enumType + ":");
            offending.forEach(row -> facts.add("  '" + row.get(0) + "' in " + row.get(1) + " row(s)"));
        }
        if (!labels.isEmpty()) {
            facts.add("the labels of " + enumType + " are " + labels);
        }
        return Optional.of(new Finding(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS,
                "the cast of " + table + "." + column + " to enum " + enumType + " meets values that are not labels"
                        + " of the enum; an empty database has no such rows, production does.",
                facts, "Map or clean those values in the same migration, before the cast (UPDATE " + table + " SET "
                        + column + " = <label> WHERE " + column + " NOT IN (<labels>)), or cast through a CASE in the"
                        + " USING clause, or add the missing labels."));
    }

    /** The enum's labels from the database, or from the migration's SQL when the failed migration created it. */
    private static List<String> labels(String enumType, MigrationFailure failure, Evidence evidence) {
        List<String> labels = evidence.rows("select enumlabel from pg_enum where enumtypid = to_regtype(?)"
                + " order by enumsortorder", enumType).stream().map(r -> r.get(0)).toList();
        if (!labels.isEmpty() || failure.migration().isEmpty()) {
            return labels;
        }
        Pattern create = Pattern.compile("CREATE\\s+TYPE\\s+(?:[\\w\"]+\\.)?\"?" + Pattern.quote(unquoted(enumType))
                + "\"?\\s+AS\\s+ENUM\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
        return evidence.sql(failure.migration().get()).map(create::matcher).filter(Matcher::find)
                .map(m -> List.of(m.group(1).split(",")).stream().map(String::trim)
                        .map(l -> l.replaceAll("^'|'$", "").replace("''", "'")).collect(Collectors.toList()))
                .orElse(List.of());
    }

    private static String unquoted(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
