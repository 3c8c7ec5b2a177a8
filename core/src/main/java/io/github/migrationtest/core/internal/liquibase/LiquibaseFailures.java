package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.internal.SqlErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.exception.CommandExecutionException;
import liquibase.exception.LiquibaseException;

/** Turns what Liquibase throws into a {@link MigrationFailure}. */
final class LiquibaseFailures {

    // Liquibase's JdbcExecutor appends the statement to the message: "... [Failed SQL: (0) CREATE TABLE ...]".
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: (?:\\(-?\\d+\\) )?(.*)]\\s*$",
            Pattern.DOTALL);
    // Wrappers print their cause's class name in front of its message; readers need only the message.
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");

    private LiquibaseFailures() {
    }

    /** A failure for an exception of an update or rollback, with the changeset it happened in, if known. */
    static MigrationFailure describe(Throwable thrown, Optional<ChangeSet> changeSet) {
        Throwable cause = unwrap(thrown);
        MigrationFailure.Builder failure = SqlErrors.sqlException(cause).isPresent()
                ? SqlErrors.describe(cause)
                : MigrationFailure.builder(MigrationFailure.Kind.ENGINE_ERROR, explain(cause))
                        .engineMessage(SqlErrors.messageChain(cause));
        failedSql(cause).ifPresent(failure::statement);
        changeSet.map(Changesets::toMigration).ifPresent(failure::migration);
        return failure.build();
    }

    /** A failure naming the changesets to roll back that have no rollback, the first of them as its migration. */
    static MigrationFailure noRollback(List<ChangeSet> missing, liquibase.database.Database database) {
        ChangeSet first = missing.get(0);
        String changeTypes = first.getChanges().stream().filter(c -> !c.supportsRollback(database))
                .map(Change::getSerializedObjectName).distinct().collect(Collectors.joining(", "));
        String message = "it has no rollback, and Liquibase cannot generate one for "
                + (changeTypes.isEmpty() ? "its changes" : "a " + changeTypes + " change") + ". Add one to the changeset: "
                + example(first) + "."
                + (missing.size() > 1 ? " Nor have: " + missing.subList(1, missing.size()).stream()
                        .map(Changesets::identifier).collect(Collectors.joining(", ")) + "." : "");
        return MigrationFailure.builder(MigrationFailure.Kind.NO_ROLLBACK, message)
                .migration(Changesets.toMigration(first))
                .build();
    }

    private static String example(ChangeSet changeSet) {
        switch (Changesets.format(changeSet)) {
            case "sql":
                return "'--rollback <statement>;' lines after its statements, e.g. '--rollback drop table orders;'"
                        + " ('--rollback empty' if there is nothing to undo)";
            case "yaml":
                return "a 'rollback:' beside 'changes:', e.g. 'rollback: drop table orders' or a list of changes"
                        + " ('rollback: []' if there is nothing to undo)";
            case "json":
                return "a \"rollback\" beside \"changes\", e.g. \"rollback\": \"drop table orders\""
                        + " (\"rollback\": [] if there is nothing to undo)";
            default:
                return "a <rollback> element, e.g. <rollback>drop table orders</rollback> or"
                        + " <rollback><dropTable tableName=\"orders\"/></rollback> (<rollback/> if there is nothing"
                        + " to undo)";
        }
    }

    /** The statement Liquibase says failed, from the innermost message that carries one. */
    static Optional<String> failedSql(Throwable thrown) {
        Optional<String> found = Optional.empty();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                Matcher matcher = FAILED_SQL.matcher(message.strip());
                if (matcher.find()) {
                    found = Optional.of(matcher.group(1).strip());
                }
            }
        }
        return found;
    }

    /**
     * The exception that says what went wrong: command and scope wrappers add nothing but their
     * cause's class name, so look through them.
     */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        if (t instanceof CommandExecutionException) {
            return true;
        }
        String message = t.getMessage();
        Throwable cause = t.getCause();
        return (t instanceof LiquibaseException || t.getClass() == RuntimeException.class)
                && (message == null || message.equals(cause.toString()) || message.equals(cause.getMessage()));
    }

    /**
     * What Liquibase says went wrong, without Java class names: the messages of the exception and its
     * causes, each once. Versions differ in which exception of the chain carries the detail (4.20 keeps
     * a missing include's name in the cause, 4.33 repeats it above), so all of them are read.
     */
    static String explain(Throwable thrown) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = unwrap(thrown); t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
            if (!message.isEmpty() && parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
        }
        if (parts.isEmpty()) {
            return thrown.getClass().getSimpleName();
        }
        // Leading blanks stay: YAML errors point at the offending column with a caret under it.
        return String.join("\n", parts).lines().map(String::stripTrailing).filter(l -> !l.isBlank())
                .collect(Collectors.joining("\n  "));
    }
}
