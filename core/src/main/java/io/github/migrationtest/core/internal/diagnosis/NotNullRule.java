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
 * 23502 "column ... contains null values": a column added NOT NULL without a default to a table with rows,
 * or SET NOT NULL over rows that hold NULL. The evidence is the rows that have no value.
 */
final class NotNullRule implements Rule {

    private static final Pattern CONTAINS_NULLS = Pattern.compile("column \"(.+?)\" of relation \"(.+?)\" contains null"
            + " values");
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?",
            Pattern.CASE_INSENSITIVE);
    private static final int SAMPLE = 5;

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher message = CONTAINS_NULLS.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("23502") || !message.find()) {
            return Optional.empty();
        }
        String column = message.group(1);
        String table = DataStatements.table(failure.statement(), message.group(2));
        boolean exists = evidence.value("select 1 from pg_attribute where attrelid = to_regclass(?) and attname = ?"
                + " and not attisdropped", table, column).isPresent();
        List<String> facts = new ArrayList<>();
        String fix;
        if (exists) {
            String where = DataStatements.quote(column) + " is null";
            String count = evidence.value("select count(*) from " + table + " r where " + where).orElse("?");
            facts.add(table + " has " + count + " row(s) where " + column + " is NULL, e.g.:");
            facts.addAll(DataStatements.sample(evidence, table, where, SAMPLE));
            fix = "Backfill first (UPDATE " + table + " SET " + column + " = <value> WHERE " + column + " IS NULL, in"
                    + " batches on a large table), then SET NOT NULL; on PostgreSQL 12+ add CHECK (" + column
                    + " IS NOT NULL) NOT VALID, VALIDATE it, and SET NOT NULL uses it without a long lock.";
        } else {
            String count = evidence.value("select count(*) from " + table).orElse("?");
            facts.add(table + " has " + count + " row(s); each would hold NULL in the new column " + column + ", e.g.:");
            facts.addAll(DataStatements.sample(evidence, table, "true", SAMPLE));
            fix = "Add the column with a DEFAULT (ADD COLUMN " + column + " <type> NOT NULL DEFAULT <value>: a constant"
                    + " default costs no rewrite since PostgreSQL 11), or add it nullable, backfill, then SET NOT NULL.";
        }
        return Optional.of(new Finding(Diagnosis.NULLS_IN_NOT_NULL_COLUMN, "column " + column + " of " + table
                + " becomes NOT NULL, but existing rows have no value for it; an empty database has no such rows,"
                + " production does.", facts, fix));
    }
}
