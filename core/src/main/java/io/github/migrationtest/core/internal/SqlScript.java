package io.github.migrationtest.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements at the semicolons that end them, so that a failure
 * names the one statement the server rejected. Semicolons inside quotes, quoted identifiers,
 * dollar-quoted bodies, comments and {@code BEGIN ATOMIC ... END} function bodies do not count.
 */
public final class SqlScript {

    private final String sql;
    private final List<String> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int position;
    private boolean hasCode;
    private String previousWord = "";
    // Inside a SQL-standard function body: CASE ... END pairs nest in it; its own END closes it.
    private boolean atomic;
    private int caseDepth;

    private SqlScript(String sql) {
        this.sql = sql;
    }

    /** The statements of the script, each without its terminating semicolon; comment-only parts are dropped. */
    public static List<String> statements(String sql) {
        SqlScript script = new SqlScript(sql);
        script.split();
        return List.copyOf(script.statements);
    }

    private void split() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (c == '-' && peek(1) == '-') {
                copyUntilLineEnd();
            } else if (c == '/' && peek(1) == '*') {
                copyBlockComment();
            } else if (c == '\'') {
                copyQuoted('\'', false);
            } else if (c == '"') {
                copyQuoted('"', false);
            } else if (c == '$' && dollarTag().isPresent()) {
                copyDollarQuoted(dollarTag().get());
            } else if (Character.isLetter(c) || c == '_') {
                copyWord();
            } else if (c == ';' && !atomic) {
                position++;
                endStatement();
            } else {
                current.append(c);
                hasCode |= !Character.isWhitespace(c);
                position++;
            }
        }
        endStatement();
    }

    private char peek(int offset) {
        int index = position + offset;
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private void copyUntilLineEnd() {
        int end = sql.indexOf('\n', position);
        end = end < 0 ? sql.length() : end;
        current.append(sql, position, end);
        position = end;
    }

    private void copyBlockComment() {
        int depth = 0;
        int start = position;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                position++;
            }
        }
        current.append(sql, start, position);
    }

    private void copyQuoted(char quote, boolean backslashEscapes) {
        int start = position++;
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (backslashEscapes && c == '\\') {
                position++;
            } else if (c == quote) {
                if (peek(0) == quote) {
                    position++;
                } else {
                    break;
                }
            }
        }
        position = Math.min(position, sql.length());
        current.append(sql, start, position);
        hasCode = true;
    }

    private java.util.Optional<String> dollarTag() {
        // A tag follows no identifier character ($ is part of names like a$b) and does not start with a digit ($1).
        if (position > 0 && isWordPart(sql.charAt(position - 1))) {
            return java.util.Optional.empty();
        }
        int end = position + 1;
        while (end < sql.length() && isWordPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$'
                && (end == position + 1 || !Character.isDigit(sql.charAt(position + 1)))) {
            return java.util.Optional.of(sql.substring(position, end + 1));
        }
        return java.util.Optional.empty();
    }

    private void copyDollarQuoted(String tag) {
        int close = sql.indexOf(tag, position + tag.length());
        int end = close < 0 ? sql.length() : close + tag.length();
        current.append(sql, position, end);
        position = end;
        hasCode = true;
    }

    private void copyWord() {
        int start = position;
        while (position < sql.length() && isWordPart(sql.charAt(position))) {
            position++;
        }
        String word = sql.substring(start, position);
        current.append(word);
        hasCode = true;
        if (word.equalsIgnoreCase("e") && peek(0) == '\'') {
            copyQuoted('\'', true);
            previousWord = "";
            return;
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (!atomic && upper.equals("ATOMIC") && previousWord.equals("BEGIN")) {
            atomic = true;
            caseDepth = 0;
        } else if (atomic && upper.equals("CASE")) {
            caseDepth++;
        } else if (atomic && upper.equals("END")) {
            if (caseDepth > 0) {
                caseDepth--;
            } else {
                atomic = false;
            }
        }
        previousWord = upper;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void endStatement() {
        String statement = current.toString().strip();
        if (hasCode && !statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
        hasCode = false;
        previousWord = "";
        atomic = false;
    }
}
