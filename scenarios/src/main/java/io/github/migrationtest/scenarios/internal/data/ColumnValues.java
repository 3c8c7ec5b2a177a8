package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.scenarios.internal.ColumnType;
import io.github.migrationtest.scenarios.internal.Sql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL expressions, in terms of the row number {@code g} of {@code generate_series}, that give a generated
 * column its values: adversarial within the column's type (NULL where nullable, empty, padded and case-variant
 * text, the longest text the type takes, boundary numbers, old and infinite timestamps), plain otherwise; fresh
 * per row where a unique key needs it. Every value is a pure function of {@code g} and the seed, so a
 * populated state is the same on every run.
 */
final class ColumnValues {

    /** One row in this many holds an adversarial value; the others look like the row the filler made. */
    static final int CYCLE = 10;
    private static final int LONGEST_TEXT = 300;

    private ColumnValues() {
    }

    /** Values for a column in a unique key: distinct per row. */
    static Optional<String> fresh(Column column, ColumnType type, long seed, String base) {
        String g = "g";
        String expression = switch (type.array() ? ColumnType.Base.OTHER : type.base()) {
            case INTEGER, NUMBER -> "(" + g + " + " + (Math.abs(seed) % 1000) * 1_000_000L + ")";
            case TEXT -> fitted("'r" + seed + "-' || " + g, type);
            case UUID -> "md5('" + seed + "-' || " + g + ")::uuid";
            case DATE -> "(date '1990-01-01' + (" + g + " % 2000000)::int)";
            case TIMESTAMP -> "(timestamp '2001-01-01' + " + g + " * interval '1 second')";
            case JSON -> "json_build_object('n', " + g + ")::text";
            case BYTES -> "int4send(" + g + "::int)";
            case TIME -> "(time '00:00' + " + g + " * interval '1 millisecond')";
            case INTERVAL -> "(" + g + " * interval '1 second')";
            default -> null;
        };
        return Optional.ofNullable(expression).map(e -> cast(e, column));
    }

    /** Values for a column outside unique keys: the base row's value most of the time, adversarial values between. */
    static String adversarial(Column column, ColumnType type, long seed, String base, boolean nullable) {
        List<String> values = new ArrayList<>();
        String plain = base == null ? "NULL" : Sql.literal(base);
        if (nullable) {
            values.add("NULL");
        }
        if (!type.array()) {
            switch (type.base()) {
                case TEXT -> {
                    values.add("''");
                    values.add(fitted("' ' || " + plain + " || ' '", type));
                    values.add("upper(" + plain + ")");
                    values.add(fitted("'default'", type));
                    int longest = type.length().orElse(LONGEST_TEXT);
                    values.add(fitted("repeat('x', " + Math.min(longest, LONGEST_TEXT) + ")", type));
                }
                case INTEGER -> {
                    values.add("0");
                    values.add("-1");
                    values.add(maximum(column.type()));
                    values.add("(g % 1000)");
                }
                case NUMBER -> {
                    values.add("0");
                    values.add("-1");
                    values.add("(g % 100)");
                }
                case BOOLEAN -> {
                    values.add("true");
                    values.add("false");
                }
                case DATE -> {
                    values.add("'1970-01-01'");
                    values.add("'1900-01-01'");
                    values.add("(date '2024-01-01' - (g % 3650)::int)");
                }
                case TIMESTAMP -> {
                    values.add("'1970-01-01 00:00:00'");
                    values.add("'1900-01-01 00:00:00'");
                    values.add("'infinity'");
                    values.add("(timestamp '2024-01-01' - (g % 3650) * interval '1 day')");
                }
                case JSON -> {
                    values.add("'{}'");
                    values.add("'[]'");
                    values.add("'null'");
                }
                case ENUM -> type.enumType().orElseThrow().labels().forEach(l -> values.add(Sql.literal(l)));
                default -> {
                }
            }
        }
        return cycle(values, plain, column, seed);
    }

    /**
     * Values for a text column that a later migration casts to an enum: its labels as the application wrote
     * them, and the legacy shapes that are not labels - other case, padded, 'default', empty.
     */
    static String legacyEnumValues(Column column, ColumnType type, long seed, List<String> labels, boolean nullable) {
        Set<String> values = new LinkedHashSet<>();
        labels.forEach(l -> values.add(Sql.literal(l)));
        for (String label : labels) {
            values.add(Sql.literal(label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1)));
            values.add(Sql.literal(label + " "));
        }
        values.add("'default'");
        values.add("''");
        if (nullable) {
            values.add("NULL");
        }
        List<String> list = new ArrayList<>(values);
        return cast("(ARRAY[" + String.join(", ", list.stream().map(v -> v + "::text").toList()) + "])[1 + ((g + "
                + Math.abs(seed) + ") % " + list.size() + ")::int]", column);
    }

    /** The base row's value in every row. */
    static String plain(Column column, String base) {
        return cast(base == null ? "NULL" : Sql.literal(base), column);
    }

    private static String cycle(List<String> values, String plain, Column column, long seed) {
        if (values.isEmpty()) {
            return cast(plain, column);
        }
        StringBuilder expression = new StringBuilder("CASE ((g + ").append(Math.abs(seed) % CYCLE).append(") % ")
                .append(CYCLE * values.size()).append(")::int");
        for (int i = 0; i < values.size(); i++) {
            expression.append(" WHEN ").append(i * CYCLE).append(" THEN ").append(cast(values.get(i), column));
        }
        return expression.append(" ELSE ").append(cast(plain, column)).append(" END").toString();
    }

    private static String fitted(String expression, ColumnType type) {
        return type.length().isPresent() ? "left(" + expression + ", " + type.length().getAsInt() + ")" : expression;
    }

    private static String maximum(String type) {
        return switch (type) {
            case "smallint" -> "32767";
            case "bigint" -> "9223372036854775807";
            default -> "2147483647";
        };
    }

    private static String cast(String expression, Column column) {
        return "(" + expression + ")::" + column.type();
    }
}
