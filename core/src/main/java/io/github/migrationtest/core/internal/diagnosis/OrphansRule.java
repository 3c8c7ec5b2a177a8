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
 * 23503 while a foreign key is added: rows whose parent does not exist. The evidence is the orphaned key
 * values with their counts.
 */
final class OrphansRule implements Rule {

    private static final Pattern VIOLATES = Pattern.compile("on table \"(.+?)\" violates foreign key constraint"
            + " \"(.+?)\"");
    private static final Pattern NOT_PRESENT = Pattern.compile("Key \\((.+?)\\)=\\(.*\\) is not present in table"
            + " \"(.+?)\"");
    private static final Pattern REFERENCES = Pattern.compile("FOREIGN\\s+KEY\\s*\\(([^)]+)\\)\\s*REFERENCES\\s+"
            + "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s*(?:\\(([^)]+)\\))?", Pattern.CASE_INSENSITIVE);
    private static final int MOST_KEYS = 20;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher message = VIOLATES.matcher(failure.message());
        Optional<Matcher> detail = failure.detail().map(NOT_PRESENT::matcher).filter(Matcher::find);
        boolean adding = failure.statement().map(s -> REFERENCES.matcher(s).find()).orElse(false);
        if (!failure.sqlState().orElse("").equals("23503") || !message.find() || detail.isEmpty() || !adding) {
            return Optional.empty();
        }
        String table = DataStatements.table(failure.statement(), message.group(1));
        Matcher references = REFERENCES.matcher(failure.statement().get());
        references.find();
        List<String> columns = List.of(references.group(1).split(",")).stream().map(String::trim).toList();
        String parent = references.group(2);
        List<String> parentColumns = references.group(3) != null
                ? List.of(references.group(3).split(",")).stream().map(String::trim).toList()
                : evidence.rows("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                        + " and a.attnum = any(i.indkey) where i.indrelid = to_regclass(?) and i.indisprimary"
                        + " order by array_position(i.indkey::int2[], a.attnum)", parent).stream()
                        .map(r -> DataStatements.quote(r.get(0))).toList();
        List<String> facts = new ArrayList<>();
        if (parentColumns.size() == columns.size()) {
            StringBuilder join = new StringBuilder();
            StringBuilder notNull = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                join.append(i == 0 ? "" : " and ").append("p.").append(parentColumns.get(i)).append(" = c.")
                        .append(columns.get(i));
                notNull.append(i == 0 ? "" : " and ").append("c.").append(columns.get(i)).append(" is not null");
            }
            String key = "(" + String.join(", ", columns.stream().map(c -> "c." + c).toList()) + ")::text";
            String orphans = " from " + table + " c where " + notNull + " and not exists (select 1 from " + parent
                    + " p where " + join + ")";
            String count = evidence.value("select count(*)" + orphans).orElse("?");
            facts.add(table + " has " + count + " row(s) whose " + String.join(", ", columns) + " names no row of "
                    + parent + ":");
            evidence.rows("select " + key + ", count(*)" + orphans + " group by 1 order by 2 desc, 1 limit " + MOST_KEYS)
                    .forEach(r -> facts.add("  " + r.get(0) + " in " + r.get(1) + " row(s)"));
        } else {
            facts.add(failure.detail().get());
        }
        return Optional.of(new Finding(Diagnosis.ORPHANS_UNDER_FOREIGN_KEY, "foreign key " + message.group(2) + " of "
                + table + " goes over rows whose parent in " + parent + " does not exist; an empty database has no"
                + " such rows, production does.", facts, "Delete or re-point the orphaned rows first (or set their "
                + String.join(", ", columns) + " to NULL); on a large table add the key with NOT VALID (a short lock,"
                + " no scan) and VALIDATE CONSTRAINT it in a later migration."));
    }
}
