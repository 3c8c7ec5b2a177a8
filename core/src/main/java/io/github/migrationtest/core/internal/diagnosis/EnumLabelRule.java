package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "enum label ... already exists": the label a migration adds is there already, added by hand as a
 * hotfix or by a run of the migration that was not recorded.
 */
final class EnumLabelRule implements Rule {

    private static final Pattern MESSAGE = Pattern.compile("^enum label \"(.*)\" already exists");
    private static final Pattern ALTER = Pattern.compile("ALTER\\s+TYPE\\s+([\\w.\"]+)\\s+ADD\\s+VALUE",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        Matcher m = MESSAGE.matcher(failure.message());
        if (!failure.sqlState().orElse("").equals("42710") || !m.find()) {
            return Optional.empty();
        }
        String label = m.group(1);
        Optional<String> type = failure.statement().map(ALTER::matcher).filter(Matcher::find).map(a -> a.group(1));
        String typeName = type.orElse("<type>");
        List<String> facts = type.map(t -> evidence.rows("select enumlabel from pg_enum where enumtypid ="
                + " to_regtype(?) order by enumsortorder", t)).filter(rows -> !rows.isEmpty())
                .map(rows -> List.of("enum " + typeName + " has labels " + rows.stream().map(r -> r.get(0)).toList()))
                .orElse(List.of());
        String migration = failure.migration().map(mi -> "migration " + mi.id()).orElse("the migration");
        return Optional.of(new Finding(Diagnosis.ENUM_LABEL_EXISTS,
                "the label '" + label + "' that " + migration + " adds to enum " + typeName + " is there already"
                        + " (added by hand, or by a run of the migration that was not recorded).",
                facts, "Add the label only where it is missing: ALTER TYPE " + typeName + " ADD VALUE IF NOT EXISTS '"
                        + label.replace("'", "''") + "'. Do not catch the error instead: in a transaction that"
                        + " aborts every later statement (25P02)."));
    }
}
