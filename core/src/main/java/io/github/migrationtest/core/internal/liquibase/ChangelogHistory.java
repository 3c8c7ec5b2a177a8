package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code DATABASECHANGELOG} with plain SQL: Liquibase's own history service would create the
 * table where it is missing, and reading must change nothing.
 */
final class ChangelogHistory {

    private ChangelogHistory() {
    }

    static List<HistoryEntry> read(Connection connection, String schema, String table) throws SQLException {
        Optional<String> actualTable = find(connection, schema, table);
        if (actualTable.isEmpty()) {
            return List.of();
        }
        List<HistoryEntry> history = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id, filename, dateexecuted, exectype, md5sum, description,"
                        + " comments from " + quote(schema) + "." + quote(actualTable.get())
                        + " order by dateexecuted, orderexecuted")) {
            while (rs.next()) {
                String comments = rs.getString("comments");
                String description = comments != null && !comments.isBlank()
                        ? comments.strip().lines().findFirst().orElse("").strip()
                        : Optional.ofNullable(rs.getString("description")).filter(d -> !"empty".equals(d)).orElse("");
                Timestamp executed = rs.getTimestamp("dateexecuted");
                history.add(new HistoryEntry(history.size() + 1, rs.getString("id"), description,
                        rs.getString("filename"), Optional.ofNullable(rs.getString("md5sum")),
                        !"FAILED".equals(rs.getString("exectype")),
                        Optional.ofNullable(executed).map(Timestamp::toInstant)));
            }
        }
        return history;
    }

    /** The table's name as the catalog spells it: Liquibase creates it unquoted, so folded to lower case. */
    private static Optional<String> find(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select table_name from"
                + " information_schema.tables where table_schema = ? and lower(table_name) = lower(?)"
                + " order by table_name = ? desc")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
