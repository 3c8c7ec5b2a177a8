package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.QualifiedName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Quoting of names and values for the SQL the scenarios write. */
public final class Sql {

    private Sql() {
    }

    /** An identifier, always quoted, so that any name a snapshot read works as written. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's reserved key words: as names they need quotes. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading",
            "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user",
            "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with");

    /** An identifier, quoted only where it needs quotes, so that names read as people write them. */
    public static String readable(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name) ? name : identifier(name);
    }

    /** A schema-qualified name, each part quoted only where it needs quotes, e.g. {@code public.platformtype}. */
    public static String readable(QualifiedName name) {
        return readable(name.schema()) + "." + readable(name.name());
    }

    /** A schema-qualified name, both parts quoted. */
    public static String name(QualifiedName name) {
        return identifier(name.schema()) + "." + identifier(name.name());
    }

    /** A string constant. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** String constants separated by commas, e.g. the labels of an enum. */
    public static String literals(List<String> texts) {
        return texts.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }

    /** Identifiers separated by commas. */
    public static String identifiers(List<String> names) {
        return names.stream().map(Sql::identifier).collect(Collectors.joining(", "));
    }
}
