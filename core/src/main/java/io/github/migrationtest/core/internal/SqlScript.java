package io.github.migrationtest.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a PostgreSQL script into statements at the semicolons that end them, so that a failure
 * names the one statement the server rejected. Semicolons inside quotes, quoted identifiers,
 * dollar-quoted bodies, comments and {@code BEGIN ATOMIC ... END} function bodies do not count.
 *
 * <p>{@link #psqlCommands(String)} reads a script as psql does, for the plain-text dumps of
 * {@code pg_dump}: backslash meta-commands ({@code \restrict}, {@code \connect}) and the data lines
 * that follow a {@code COPY ... FROM stdin} up to {@code \.} are commands of their own.
 */
public final class SqlScript {

    /** One command of a psql script. */
    public sealed interface Command {
        /** The line of the script the command starts on, from 1. */
        int line();
    }

    /**
     * A SQL statement.
     *
     * @param sql the statement, without its terminating semicolon
     * @param line the line it starts on
     */
    public record Statement(String sql, int line) implements Command {
    }

    /**
     * A {@code COPY ... FROM stdin} statement with the data lines that follow it in the script.
     *
     * @param sql the COPY statement
     * @param data the data lines, each ending in a newline, without the closing {@code \.}
     * @param line the line the statement starts on
     */
    public record Copy(String sql, String data, int line) implements Command {
    }

    /**
     * A psql meta-command: a backslash, its name, and the rest of its line.
     *
     * @param name the name without the backslash, e.g. {@code restrict}
     * @param argument the rest of the line, stripped
     * @param line its line
     */
    public record MetaCommand(String name, String argument, int line) implements Command {
    }

    private static final Pattern COPY_FROM_STDIN = Pattern.compile(
            "(?is)^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*COPY\\b.*\\bFROM\\s+STDIN\\b.*");

    private final String sql;
    private final boolean psql;
    private final List<Command> commands = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int position;
    private boolean hasCode;
    private int codeStart = -1;
    private int linesCountedTo;
    private int lineOfCount = 1;
    private String previousWord = "";
    // Inside a SQL-standard function body: CASE ... END pairs nest in it; its own END closes it.
    private boolean atomic;
    private int caseDepth;

    private SqlScript(String sql, boolean psql) {
        this.sql = sql;
        this.psql = psql;
    }

    /** The statements of the script, each without its terminating semicolon; comment-only parts are dropped. */
    public static List<String> statements(String sql) {
        SqlScript script = new SqlScript(sql, false);
        script.split();
        return script.commands.stream().map(c -> ((Statement) c).sql()).toList();
    }

    /**
     * The commands of a script as psql reads it: statements, {@code COPY ... FROM stdin} with its data, and
     * backslash meta-commands (outside quotes and comments, up to the end of their line).
     */
    public static List<Command> psqlCommands(String sql) {
        SqlScript script = new SqlScript(sql, true);
        script.split();
        return List.copyOf(script.commands);
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
            } else if (c == '\\' && psql) {
                readMetaCommand();
            } else {
                if (!Character.isWhitespace(c)) {
                    markCode();
                }
                current.append(c);
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
        markCode();
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
        markCode();
        int close = sql.indexOf(tag, position + tag.length());
        int end = close < 0 ? sql.length() : close + tag.length();
        current.append(sql, position, end);
        position = end;
        hasCode = true;
    }

    private void copyWord() {
        markCode();
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

    private void markCode() {
        if (codeStart < 0) {
            codeStart = position;
        }
        hasCode = true;
    }

    private int lineAt(int index) {
        // Commands come in order, so the count only moves forward.
        for (; linesCountedTo < index; linesCountedTo++) {
            if (sql.charAt(linesCountedTo) == '\n') {
                lineOfCount++;
            }
        }
        return lineOfCount;
    }

    private void readMetaCommand() {
        int end = sql.indexOf('\n', position);
        end = end < 0 ? sql.length() : end;
        String text = sql.substring(position + 1, end).strip();
        int space = text.indexOf(' ');
        String name = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        // psql runs a meta-command where it stands; a statement being typed stays in its buffer.
        commands.add(new MetaCommand(name, argument, lineAt(position)));
        position = end;
    }

    private void endStatement() {
        String statement = current.toString().strip();
        if (hasCode && !statement.isEmpty()) {
            int line = lineAt(codeStart);
            if (psql && COPY_FROM_STDIN.matcher(statement).matches()) {
                commands.add(new Copy(statement, readCopyData(), line));
            } else {
                commands.add(new Statement(statement, line));
            }
        }
        current.setLength(0);
        hasCode = false;
        codeStart = -1;
        previousWord = "";
        atomic = false;
    }

    /** The lines after the COPY statement's line, up to a line that is {@code \.} or the end of the script. */
    private String readCopyData() {
        int lineEnd = sql.indexOf('\n', position);
        if (lineEnd < 0) {
            position = sql.length();
            return "";
        }
        int start = lineEnd + 1;
        int cursor = start;
        while (cursor < sql.length()) {
            int next = sql.indexOf('\n', cursor);
            int end = next < 0 ? sql.length() : next;
            String row = sql.substring(cursor, end);
            if (row.equals("\\.") || row.equals("\\.\r")) {
                position = next < 0 ? sql.length() : next + 1;
                return sql.substring(start, cursor);
            }
            cursor = next < 0 ? sql.length() : next + 1;
        }
        position = sql.length();
        return sql.substring(start);
    }
}
