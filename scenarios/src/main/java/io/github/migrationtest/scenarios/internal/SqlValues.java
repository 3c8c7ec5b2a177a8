package io.github.migrationtest.scenarios.internal;

import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Java values as the text PostgreSQL reads for a column of the matching type. */
final class SqlValues {

    private SqlValues() {
    }

    /** The text form of a value; null for NULL. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Collection<?> elements) {
            return "{" + elements.stream().map(SqlValues::element).collect(Collectors.joining(",")) + "}";
        }
        if (value instanceof Object[] elements) {
            return text(java.util.Arrays.asList(elements));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    private static String element(Object value) {
        String text = text(value);
        return text == null ? "NULL" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
