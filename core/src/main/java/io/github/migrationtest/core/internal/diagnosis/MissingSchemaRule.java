package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A migration that assumes a schema (such as {@code auth}) which this database does not have. */
final class MissingSchemaRule implements Rule {

    private static final Pattern SCHEMA = Pattern.compile("schema \"([^\"]+)\" does not exist");
    private static final Pattern QUALIFIED_RELATION = Pattern.compile("relation \"([^\".]+)\\.[^\"]+\" does not exist");

    @Override
    public Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence) {
        String state = failure.sqlState().orElse("");
        Matcher schema = SCHEMA.matcher(failure.message());
        Matcher relation = QUALIFIED_RELATION.matcher(failure.message());
        String name;
        if (state.equals("3F000") && schema.find()) {
            name = schema.group(1);
        } else if (state.equals("42P01") && relation.find()
                && evidence.value("select count(*) from pg_namespace where nspname = ?", relation.group(1))
                        .filter("0"::equals).isPresent()) {
            name = relation.group(1);
        } else {
            return Optional.empty();
        }
        List<String> schemas = evidence.rows("select nspname from pg_namespace where nspname !~ '^pg_'"
                + " and nspname <> 'information_schema' order by 1").stream().map(r -> r.get(0)).toList();
        return Optional.of(new Finding(Diagnosis.MISSING_SCHEMA,
                "the migration uses schema " + name + ", which no migration of the chain creates and this database"
                        + " does not have (an environment that has it - created by hand or by another system -"
                        + " hides the gap).",
                List.of("the schemas of the database are " + schemas),
                "Create the schema in the chain (CREATE SCHEMA IF NOT EXISTS " + name + " in an earlier migration), or,"
                        + " if another system owns it, guard the statements that use it: DO $$ BEGIN IF EXISTS (SELECT"
                        + " 1 FROM pg_namespace WHERE nspname = '" + name + "') THEN ... END IF; END $$;"));
    }
}
