package io.github.migrationtest.core.internal.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a data rule needs from the failed statement: the table an ALTER TABLE or CREATE INDEX works
 * on, the column it alters, a CHECK's expression. The server's message names objects unqualified; the
 * statement has the name as the migration wrote it.
 */
final class DataStatements {

    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern ALTER_TABLE = Pattern.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:CONCURRENTLY\\s+)?(?:(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\)");

    private DataStatements() {
    }

    /** The table of an ALTER TABLE or CREATE INDEX statement, as written. */
    static Optional<String> table(Optional<String> statement) {
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        Matcher index = CREATE_INDEX.matcher(statement.get());
        if (index.find()) {
            return Optional.of(index.group(2));
        }
        Matcher alter = ALTER_TABLE.matcher(statement.get());
        return alter.find() ? Optional.of(alter.group(1)) : Optional.empty();
    }

    /**
     * The table to query: the statement's, where it is the relation the server's message names, else the
     * message's name as it stands.
     */
    static String table(Optional<String> statement, String messageRelation) {
        return table(statement).filter(t -> unquoted(t).equals(messageRelation.toLowerCase(Locale.ROOT))
                || unquoted(t).equals(unquoted(messageRelation))).orElse(quote(messageRelation));
    }

    /** The key columns of a DETAIL {@code Key (a, b)=(1, 2) ...}, as the server wrote them. */
    static Optional<String> keyColumns(Optional<String> detail) {
        return detail.map(KEY::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /** The text inside the parenthesis that opens at {@code open}, balanced, or empty if it does not close. */
    static Optional<String> parenthesised(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return Optional.of(text.substring(open + 1, i));
            }
        }
        return Optional.empty();
    }

    /** A name's last part, unquoted and in lower case (as PostgreSQL folds it). */
    static String unquoted(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.startsWith("\"") ? last.replace("\"", "") : last.toLowerCase(Locale.ROOT);
    }

    /** An identifier quoted for SQL. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Up to {@code most} rows, each as JSON, of the table that satisfy {@code where}. */
    static List<String> sample(Evidence evidence, String table, String where, int most) {
        return evidence.rows("select row_to_json(r)::text from " + table + " r where " + where + " limit " + most)
                .stream().map(r -> "  " + shortened(r.get(0))).toList();
    }

    /** A value as evidence shows it: long values cut, with their length. */
    static String shortened(String value) {
        if (value == null || value.length() <= 80) {
            return value;
        }
        return value.substring(0, 60) + "... (" + value.length() + " characters)";
    }
}
