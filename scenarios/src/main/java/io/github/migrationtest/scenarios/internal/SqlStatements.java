package io.github.migrationtest.scenarios.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into its statements at the semicolons that end them, and at no other:
 * not in string constants ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}), line and (nested) block comments, or
 * SQL-standard function bodies ({@code BEGIN ATOMIC ... END}).
 *
 * <p>It only finds statement boundaries; it does not interpret the statements.
 */
public final class SqlStatements {

    private final String sql;
    private final List<String> statements = new ArrayList<>();
    private int start;
    private int position;
    private int atomicDepth;
    private int caseDepth;
    private boolean hasCode;

    private SqlStatements(String sql) {
        this.sql = sql;
    }

    /** The statements of the script, in order, each without its closing semicolon; empty ones are left out. */
    public static List<String> split(String sql) {
        SqlStatements splitter = new SqlStatements(sql);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (c == '-' && next() == '-') {
                skipLineComment();
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                hasCode = true;
                skipString(isEscapeString());
            } else if (c == '"') {
                hasCode = true;
                skipQuoted('"');
            } else if (c == '$' && dollarTag().length() > 0) {
                hasCode = true;
                skipDollarQuoted(dollarTag());
            } else if (c == ';' && atomicDepth == 0) {
                finishStatement(position);
                position++;
                start = position;
            } else if (isIdentifierStart(c) && !isIdentifierPart(previous())) {
                hasCode = true;
                word();
            } else {
                hasCode |= !Character.isWhitespace(c);
                position++;
            }
        }
        finishStatement(sql.length());
    }

    private void finishStatement(int end) {
        if (hasCode) {
            statements.add(sql.substring(start, end).strip());
        }
        hasCode = false;
    }

    /** Reads a keyword or identifier, tracking BEGIN ATOMIC ... END, whose semicolons do not end the statement. */
    private void word() {
        int from = position;
        while (position < sql.length() && isIdentifierPart(sql.charAt(position))) {
            position++;
        }
        String word = sql.substring(from, position).toUpperCase(Locale.ROOT);
        if (word.equals("ATOMIC") && previousWord(from).equals("BEGIN")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("CASE")) {
            caseDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            if (caseDepth > 0) {
                caseDepth--;
            } else {
                atomicDepth--;
            }
        }
    }

    private String previousWord(int before) {
        int end = before;
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && isIdentifierPart(sql.charAt(begin - 1))) {
            begin--;
        }
        return sql.substring(begin, end).toUpperCase(Locale.ROOT);
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', position);
        position = end < 0 ? sql.length() : end + 1;
    }

    private void skipBlockComment() {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
    }

    private boolean isEscapeString() {
        char before = previous();
        return (before == 'E' || before == 'e') && !isIdentifierPart(position >= 2 ? sql.charAt(position - 2) : ' ');
    }

    private void skipString(boolean backslashEscapes) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == '\'') {
                if (next() == '\'') {
                    position += 2;
                } else {
                    position++;
                    return;
                }
            } else {
                position++;
            }
        }
    }

    private void skipQuoted(char quote) {
        position++;
        while (position < sql.length()) {
            if (sql.charAt(position) == quote) {
                if (next() == quote) {
                    position += 2;
                } else {
                    position++;
                    return;
                }
            } else {
                position++;
            }
        }
    }

    /** The dollar-quote opening at the position ({@code $$} or {@code $tag$}), or empty if there is none. */
    private String dollarTag() {
        if (isIdentifierPart(previous())) {
            return "";
        }
        int end = position + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        if (end >= sql.length() || sql.charAt(end) != '$') {
            return "";
        }
        String tag = sql.substring(position, end + 1);
        // $1 is a parameter, not a tag: tags start like identifiers.
        return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? "" : tag;
    }

    private void skipDollarQuoted(String tag) {
        int end = sql.indexOf(tag, position + tag.length());
        position = end < 0 ? sql.length() : end + tag.length();
    }

    private char next() {
        return position + 1 < sql.length() ? sql.charAt(position + 1) : '\0';
    }

    private char previous() {
        return position > 0 ? sql.charAt(position - 1) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
