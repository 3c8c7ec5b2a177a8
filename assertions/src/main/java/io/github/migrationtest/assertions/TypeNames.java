package io.github.migrationtest.assertions;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a type name a test writes with the one {@code format_type} prints: {@code varchar(100)} means
 * {@code character varying(100)}, {@code int8} means {@code bigint}, {@code public.industry} means {@code industry}.
 */
final class TypeNames {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"), Map.entry("serial", "integer"), Map.entry("bigserial", "bigint"),
            Map.entry("smallserial", "smallint"), Map.entry("float8", "double precision"),
            Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    private static final Pattern NAME_AND_REST = Pattern.compile("^([a-z0-9_ ]+?)\\s*(\\(.*\\))?\\s*(\\[\\])*$");

    private TypeNames() {
    }

    static boolean same(String expected, String actual) {
        return canonical(expected).equals(canonical(actual));
    }

    static String canonical(String type) {
        String text = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace(", ", ",");
        if (text.startsWith("public.")) {
            text = text.substring("public.".length());
        }
        Matcher matcher = NAME_AND_REST.matcher(text);
        if (!matcher.matches()) {
            return text;
        }
        String name = ALIASES.getOrDefault(matcher.group(1), matcher.group(1));
        String modifier = matcher.group(2) == null ? "" : matcher.group(2);
        String arrays = text.substring(matcher.end(2) < 0 ? matcher.end(1) : matcher.end(2)).strip();
        if (name.startsWith("timestamp") || name.startsWith("time ")) {
            // timestamp(3) with time zone: the precision goes after the name's first word
            String[] words = name.split(" ", 2);
            return words[0] + modifier + (words.length > 1 ? " " + words[1] : "") + arrays;
        }
        return name + modifier + arrays;
    }
}
