package io.github.migrationtest.core.internal;

import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The statements engines' history edits run, with errors that show the server's message and the statement. */
public final class HistorySql {

    private HistorySql() {
    }

    /** Runs SQL (one or several statements) in autocommit mode. */
    public static void execute(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Whether a table (as SQL names it, perhaps qualified) exists. */
    public static boolean tableExists(DataSource database, String table) {
        return bool(database, "SELECT to_regclass(?) IS NOT NULL", table);
    }

    /** The schema unqualified names resolve to in the database. */
    public static String currentSchema(DataSource database) {
        String sql = "SELECT current_schema()";
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** A string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Runs a statement in a session, closing the session if it fails. */
    public static void run(Connection session, String sql) {
        try (Statement statement = session.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            closeQuietly(session);
            throw failed(sql, e);
        }
    }

    /** Closes a session the server may have ended already (a timeout, a dropped database). */
    public static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            // Ended already: what it held is released either way.
        }
    }

    private static boolean bool(DataSource database, String sql, String parameter) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static MigrationTestException failed(String sql, SQLException e) {
        MigrationFailure failure = SqlErrors.describe(e).statement(sql).build();
        return new MigrationTestException("An edit of the migration history failed:\n  "
                + failure.sqlState().map(s -> "ERROR " + s + ": ").orElse("") + failure.message()
                + "\n  statement: " + sql.strip(), e);
    }
}
