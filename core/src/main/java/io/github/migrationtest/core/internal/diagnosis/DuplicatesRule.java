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
 * 23505 "could not create unique index": a unique index, unique constraint or primary key over rows that
 * share a key. The evidence is the duplicated keys with their counts.
 */
final class DuplicatesRule implements Rule {

    private static final Pattern CREATE = Pattern.compile("could not create unique index \"(.+?)\"");
    private static final int MOST_KEYS = 20;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher message = CREATE.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("23505") || !message.find()) {
            return Optional.empty();
        }
        String index = message.group(1);
        Optional<String> table = DataStatements.table(failure.statement());
        Optional<String> key = DataStatements.keyColumns(failure.detail());
        List<String> facts = new ArrayList<>();
        if (table.isPresent() && key.isPresent()) {
            List<List<String>> duplicates = evidence.rows("select (" + key.get() + ")::text, count(*) from "
                    + table.get() + " group by " + key.get() + " having count(*) > 1 order by 2 desc, 1 limit "
                    + MOST_KEYS);
            String groups = evidence.value("select count(*) from (select 1 from " + table.get() + " group by "
                    + key.get() + " having count(*) > 1) d").orElse(Integer.toString(duplicates.size()));
            facts.add(table.get() + " has " + groups + " value(s) of (" + key.get() + ") held by more than one row:");
            duplicates.forEach(d -> facts.add("  '" + DataStatements.shortened(d.get(0)) + "' in " + d.get(1)
                    + " rows"));
        } else {
            failure.detail().ifPresent(facts::add);
        }
        String on = table.orElse("the table");
        return Optional.of(new Finding(Diagnosis.DUPLICATES_UNDER_UNIQUE, "unique index " + index + " goes over rows of "
                + on + " that share a key; an empty database has no such rows, production does.", facts,
                "Deduplicate first, in the same migration or one before it (merge or delete the extra rows, e.g."
                        + " DELETE FROM " + on + " a USING " + on + " b WHERE a.<key> = b.<key> AND a.ctid > b.ctid),"
                        + " then CREATE UNIQUE INDEX CONCURRENTLY, and add the constraint USING INDEX."));
    }
}
