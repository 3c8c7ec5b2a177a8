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
 * 23514 "check constraint ... is violated by some row": a CHECK added (or validated) over rows that violate
 * it. The evidence is the number of violating rows and a few of them.
 */
final class CheckRowsRule implements Rule {

    private static final Pattern VIOLATED = Pattern.compile("check constraint \"(.+?)\" of relation \"(.+?)\" is"
            + " violated by some row");
    private static final int SAMPLE = 5;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher message = VIOLATED.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("23514") || !message.find()) {
            return Optional.empty();
        }
        String constraint = message.group(1);
        String table = DataStatements.table(failure.statement(), message.group(2));
        Optional<String> expression = expression(failure.statement(), constraint)
                .or(() -> evidence.value("select pg_get_constraintdef(oid) from pg_constraint where conrelid ="
                        + " to_regclass(?) and conname = ?", table, constraint)
                        .flatMap(d -> DataStatements.parenthesised(d, d.indexOf('('))));
        List<String> facts = new ArrayList<>();
        if (expression.isPresent()) {
            String where = "not (" + expression.get() + ")";
            String count = evidence.value("select count(*) from " + table + " r where " + where).orElse("?");
            facts.add(table + " has " + count + " row(s) that violate CHECK (" + expression.get() + "), e.g.:");
            facts.addAll(DataStatements.sample(evidence, table, where, SAMPLE));
        }
        return Optional.of(new Finding(Diagnosis.ROWS_VIOLATE_CHECK, "check constraint " + constraint + " of " + table
                + " goes over rows that violate it; an empty database has no such rows, production does.", facts,
                "Fix or remove the violating rows first (UPDATE " + table + " SET ... WHERE NOT (<check>)), or add the"
                        + " constraint NOT VALID (it then holds for new rows only, with a short lock) and VALIDATE"
                        + " CONSTRAINT " + constraint + " in a later migration, once the old rows are fixed."));
    }

    private static Optional<String> expression(Optional<String> statement, String constraint) {
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        Matcher check = Pattern.compile("(?:CONSTRAINT\\s+\"?" + Pattern.quote(constraint) + "\"?\\s+)?CHECK\\s*\\(",
                Pattern.CASE_INSENSITIVE).matcher(statement.get());
        if (!check.find()) {
            return Optional.empty();
        }
        return DataStatements.parenthesised(statement.get(), check.end() - 1);
    }
}
