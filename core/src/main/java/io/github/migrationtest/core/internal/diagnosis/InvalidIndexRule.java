package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "relation ... already exists" where the relation is an invalid index: a CREATE INDEX CONCURRENTLY
 * that failed (duplicates, a deadlock, a cancelled deploy) leaves its index behind, invalid, and the
 * next run of the migration trips over it. Checked before {@link ExistingObjectRule}, whose fix
 * (IF NOT EXISTS) would keep the invalid index for good.
 */
final class InvalidIndexRule implements Rule {

    private static final Pattern RELATION = Pattern.compile("^relation \"([^\"]+)\" already exists");

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher m = RELATION.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("42P07") || !m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        // The message names the index without its schema; the failed statement's search path finds it as to_regclass does.
        List<List<String>> index = evidence.rows("select c.relname, t.relname, pg_get_indexdef(i.indexrelid)"
                + " from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid"
                + " where i.indexrelid = to_regclass(?) and not i.indisvalid", quoted(name));
        if (index.isEmpty()) {
            return Optional.empty();
        }
        String table = index.get(0).get(1);
        String migration = failure.migration().map(mi -> "migration " + mi.id()).orElse("the migration");
        return Optional.of(new Finding(Diagnosis.INVALID_INDEX_EXISTS,
                "index " + name + " on " + table + " already exists but is invalid: an earlier CREATE INDEX"
                        + " CONCURRENTLY failed and left it behind, so " + migration + " cannot create it again."
                        + " Queries never use an invalid index, yet every write still maintains it.",
                List.of("index " + name + " is invalid: " + index.get(0).get(2)),
                "Drop the invalid index before creating it, in a migration that runs outside a transaction:"
                        + " DROP INDEX CONCURRENTLY IF EXISTS " + name + "; CREATE INDEX CONCURRENTLY " + name
                        + " ON " + table + " (...). CREATE INDEX IF NOT EXISTS is no fix: it would keep the invalid"
                        + " index for good."));
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
