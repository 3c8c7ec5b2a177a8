package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.MigrationHistory;
import io.github.migrationtest.assertions.schema.QualifiedName;
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

/** Reads the rows of a Flyway or Liquibase history table, recognised by its columns. */
final class HistoryReader {

    private HistoryReader() {
    }

    static MigrationHistory read(Connection connection, List<QualifiedName> tables) throws SQLException {
        for (QualifiedName table : tables) {
            List<String> columns = columns(connection, table);
            String quoted = quote(table.schema()) + "." + quote(table.name());
            if (columns.contains("installed_rank")) {
                return new MigrationHistory(Optional.of(table), flyway(connection, quoted));
            }
            if (columns.contains("orderexecuted")) {
                return new MigrationHistory(Optional.of(table), liquibase(connection, quoted));
            }
        }
        return MigrationHistory.empty();
    }

    private static List<HistoryEntry> flyway(Connection connection, String table) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select installed_rank, version, description, script, checksum,"
                        + " success, installed_on from " + table + " order by installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(2);
                String description = Optional.ofNullable(rs.getString(3)).orElse("");
                entries.add(new HistoryEntry(rs.getInt(1), version == null ? "R__" + description : version,
                        description, Optional.ofNullable(rs.getString(4)).orElse(""),
                        Optional.ofNullable(rs.getString(5)), rs.getBoolean(6), instant(rs.getTimestamp(7))));
            }
        }
        return entries;
    }

    private static List<HistoryEntry> liquibase(Connection connection, String table) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select orderexecuted, id, description, filename, md5sum,"
                        + " exectype, dateexecuted from " + table + " order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                entries.add(new HistoryEntry(rs.getInt(1), rs.getString(2),
                        Optional.ofNullable(rs.getString(3)).orElse(""), Optional.ofNullable(rs.getString(4)).orElse(""),
                        Optional.ofNullable(rs.getString(5)), !"FAILED".equalsIgnoreCase(rs.getString(6)),
                        instant(rs.getTimestamp(7))));
            }
        }
        return entries;
    }

    private static List<String> columns(Connection connection, QualifiedName table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select lower(a.attname) from pg_attribute a"
                + " join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Optional<java.time.Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
