package io.github.migrationtest.core.internal;

import io.github.migrationtest.core.model.MigrationFailure;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads what the server said out of an engine's exception: SQLSTATE, message, detail, hint and
 * position from pgjdbc's {@link ServerErrorMessage}, and the statement from the engine's own
 * exception, whichever version of the engine threw it.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * The outermost SQL exception in the cause chain, if there is one: the error that stopped the
     * migration. (pgjdbc chains the error that aborted a transaction as the cause of the 25P02 that
     * follows it; that earlier error stays in {@link MigrationFailure#engineMessage()}.)
     */
    public static Optional<SQLException> sqlException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /**
     * A failure builder holding what the server said, or the engine's message when no server error is
     * in the chain.
     */
    public static MigrationFailure.Builder describe(Throwable thrown) {
        Optional<SQLException> sql = sqlException(thrown);
        String engineMessage = messageChain(thrown);
        if (sql.isEmpty()) {
            return MigrationFailure.builder(MigrationFailure.Kind.ENGINE_ERROR, firstLine(thrown))
                    .engineMessage(engineMessage);
        }
        SQLException e = sql.get();
        MigrationFailure.Builder builder;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            builder = MigrationFailure.builder(MigrationFailure.Kind.SQL_ERROR,
                    server.getMessage() == null ? String.valueOf(e.getMessage()) : server.getMessage())
                    .sqlState(server.getSQLState())
                    .detail(server.getDetail())
                    .hint(server.getHint())
                    .position(server.getPosition());
        } else {
            builder = MigrationFailure.builder(MigrationFailure.Kind.SQL_ERROR, String.valueOf(e.getMessage()))
                    .sqlState(e.getSQLState());
        }
        statementOf(thrown).ifPresent(builder::statement);
        return builder.engineMessage(engineMessage);
    }

    /**
     * The failed statement, from any exception in the chain that offers {@code getStatement()} (Flyway's
     * script exception, Liquibase's migration exceptions do).
     */
    static Optional<String> statementOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            try {
                Method method = t.getClass().getMethod("getStatement");
                if (method.getReturnType() == String.class) {
                    Object statement = method.invoke(t);
                    if (statement instanceof String s && !withoutLeadingComments(s).isBlank()) {
                        return Optional.of(withoutLeadingComments(s));
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // This exception offers no statement; look further down the chain.
            }
        }
        return Optional.empty();
    }

    /**
     * The statement without the comments engines keep in front of it (the script's header), so that
     * messages start with the SQL that failed.
     */
    static String withoutLeadingComments(String statement) {
        String rest = statement.strip();
        while (true) {
            if (rest.startsWith("--")) {
                int end = rest.indexOf('\n');
                rest = end < 0 ? "" : rest.substring(end + 1).strip();
            } else if (rest.startsWith("/*")) {
                int end = rest.indexOf("*/");
                rest = end < 0 ? "" : rest.substring(end + 2).strip();
            } else {
                return rest;
            }
        }
    }

    /** The messages of the whole cause chain, one per line, without repeats. */
    public static String messageChain(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                if (text.length() > 0) {
                    text.append("\n");
                }
                text.append(message.strip());
            }
        }
        return text.length() == 0 ? thrown.getClass().getName() : text.toString();
    }

    private static String firstLine(Throwable thrown) {
        String message = thrown.getMessage();
        if (message == null || message.isBlank()) {
            return thrown.getClass().getSimpleName();
        }
        return message.strip().lines().filter(l -> !l.isBlank() && !l.startsWith("-")).findFirst().orElse(message.strip());
    }
}
