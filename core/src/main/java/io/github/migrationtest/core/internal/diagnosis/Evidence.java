package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.MigrationChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What a rule may look at besides the failure: the chain, and the database as the failed run left it. */
final class Evidence {

    private final MigrationChain chain;
    private final DataSource database;

    Evidence(MigrationChain chain, DataSource database) {
        this.chain = chain;
        this.database = database;
    }

    boolean isLiquibase() {
        return chain.kind() == Engine.LIQUIBASE;
    }

    Optional<String> sql(Migration migration) {
        return chain.sql(migration);
    }

    /** Whether the engine's history records the migration as successfully applied. */
    boolean recorded(Migration migration) {
        try {
            return chain.history(database).stream().filter(HistoryEntry::success)
                    .anyMatch(h -> h.id().equals(migration.id()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The engine's history; empty where it cannot be read (evidence is best effort). */
    List<HistoryEntry> history() {
        try {
            return chain.history(database);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The rows of a query as lists of strings; empty where the query fails (evidence is best effort). */
    List<List<String>> rows(String sql, Object... parameters) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return rows;
    }

    /**
     * The values that do not convert to the type, each tried on its own savepoint; empty where the
     * database cannot be asked (evidence is best effort).
     */
    List<String> notConvertible(List<String> values, String type) {
        List<String> failing = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select cast(cast(? as text) as " + type
                    + ")")) {
                for (String value : values) {
                    java.sql.Savepoint savepoint = connection.setSavepoint();
                    try {
                        statement.setString(1, value);
                        statement.execute();
                        connection.releaseSavepoint(savepoint);
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        failing.add(value);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return List.of();
        }
        return failing;
    }

    /** The first column of the first row, if the query returns one. */
    Optional<String> value(String sql, Object... parameters) {
        return rows(sql, parameters).stream().findFirst().map(row -> row.get(0));
    }
}
