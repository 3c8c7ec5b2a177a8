package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.SqlErrors;
import io.github.migrationtest.core.internal.SqlScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Rolls back Flyway migrations with their {@code U<version>__*.sql} undo scripts, which migrationtest
 * runs itself (undo is a paid Flyway feature): the script, with the chain's placeholders replaced,
 * and the deletion of the migration's row from the history table, in one transaction.
 *
 * <p>Only versioned migrations are undone; repeatable ones have no undo and stay as they are.
 */
final class FlywayUndo {

    private final Flyway flyway;
    private final Configuration configuration;
    private final List<String> undoLocations;
    private final Optional<List<String>> migrationScripts;

    /**
     * @param migrationScripts the scripts of the chain's migrations where they are known without resolving
     *     them again (where they are not, a rollback of the last migration looks for its own undo script only)
     */
    FlywayUndo(Flyway flyway, List<String> undoLocations, Optional<List<String>> migrationScripts) {
        this.flyway = flyway;
        this.configuration = flyway.getConfiguration();
        this.undoLocations = undoLocations;
        this.migrationScripts = migrationScripts;
    }

    MigrationResult rollback(DataSource dataSource, Optional<String> target, String chain) {
        long started = System.nanoTime();
        List<Applied> undo;
        List<String> migrationScripts;
        if (target.isEmpty()) {
            // The newest row of the history is all a rollback of the last migration needs: no resolving of the chain.
            try {
                undo = newestApplied(dataSource).map(List::of).orElse(List.of());
            } catch (SQLException e) {
                return MigrationResult.failure(List.of(), SqlErrors.describe(e).build(), elapsed(started));
            }
            migrationScripts = this.migrationScripts
                    .orElseGet(() -> undo.stream().map(applied -> applied.migration().script()).toList());
        } else {
            // One look at the chain and its history serves every step: Flyway resolves and reads both each time.
            MigrationInfoService service;
            try {
                service = flyway.info();
            } catch (FlywayException e) {
                return MigrationResult.failure(List.of(), SqlErrors.describe(e).build(), elapsed(started));
            }
            List<MigrationInfo> all = Arrays.asList(service.all());
            undo = toUndo(appliedVersioned(service), all, target, chain).stream().map(Applied::of).toList();
            migrationScripts = all.stream().map(MigrationInfo::getScript).filter(Objects::nonNull)
                    .collect(Collectors.toUnmodifiableList());
        }
        if (undo.isEmpty()) {
            return MigrationResult.success(List.of(), elapsed(started));
        }
        UndoScripts scripts = UndoScripts.cached(locations(), migrationScripts, configuration.getClassLoader(),
                configuration.getSqlMigrationSeparator(), Arrays.asList(configuration.getSqlMigrationSuffixes()),
                configuration.getEncoding());
        // Checked up front so that a missing undo script leaves the database as it was, not half rolled back.
        List<Applied> missing = undo.stream().filter(applied -> scripts.of(applied.version()).isEmpty())
                .collect(Collectors.toUnmodifiableList());
        if (!missing.isEmpty()) {
            return MigrationResult.failure(List.of(), noUndoScript(missing), elapsed(started));
        }
        List<Migration> undone = new ArrayList<>();
        for (Applied applied : undo) {
            Optional<MigrationFailure> failure = undo(dataSource, applied, scripts.of(applied.version()).orElseThrow());
            if (failure.isPresent()) {
                return MigrationResult.failure(undone, failure.get(), elapsed(started));
            }
            undone.add(applied.migration());
        }
        return MigrationResult.success(undone, elapsed(started));
    }

    /** An applied versioned migration: its history row's rank, its version, the migration as the history names it. */
    private record Applied(int installedRank, MigrationVersion version, Migration migration) {
        static Applied of(MigrationInfo info) {
            return new Applied(info.getInstalledRank(), info.getVersion(), FlywayChain.toMigration(info));
        }
    }

    /**
     * The newest successfully applied versioned migration, from the history table (as {@link #appliedVersioned}
     * tells them: no schema creation, baseline, deletion or undo rows); empty without history table.
     */
    private Optional<Applied> newestApplied(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String table = quote(historySchema(connection)) + "." + quote(configuration.getTable());
            try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
                exists.setString(1, table);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select installed_rank, version, description, script, checksum"
                            + " from " + table + " where success and version is not null"
                            + " and type not in ('SCHEMA', 'BASELINE', 'SQL_BASELINE', 'JDBC_BASELINE', 'DELETE')"
                            + " and type not like 'UNDO%' order by installed_rank desc limit 1")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String version = rs.getString("version");
                Object checksum = rs.getObject("checksum");
                return Optional.of(new Applied(rs.getInt("installed_rank"), MigrationVersion.fromVersion(version),
                        Migration.of(version, rs.getString("description"), rs.getString("script"),
                                Optional.ofNullable(checksum).map(String::valueOf))));
            }
        }
    }

    /** The successfully applied versioned migrations, in order of execution. */
    private static List<MigrationInfo> appliedVersioned(MigrationInfoService service) {
        return Arrays.stream(service.applied())
                .filter(info -> info.getInstalledRank() != null && info.getVersion() != null)
                .filter(info -> !info.getType().isSynthetic() && !info.getType().isBaseline()
                        && !info.getType().isUndo())
                .filter(info -> !info.getState().isFailed())
                .sorted(Comparator.comparing(MigrationInfo::getInstalledRank))
                .collect(Collectors.toUnmodifiableList());
    }

    private static List<MigrationInfo> toUndo(List<MigrationInfo> applied, List<MigrationInfo> all,
            Optional<String> target, String chain) {
        if (target.isEmpty()) {
            return applied.isEmpty() ? List.of() : List.of(applied.get(applied.size() - 1));
        }
        MigrationVersion version = version(all, target.get(), chain);
        int index = -1;
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).getVersion().equals(version)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new MigrationTestException("Cannot roll back to migration " + target.get() + ": it is not applied."
                    + " Applied versioned migrations of the " + chain + ": " + (applied.isEmpty() ? "none"
                    : applied.stream().map(i -> i.getVersion().getVersion()).collect(Collectors.joining(", ")))
                    + ".");
        }
        List<MigrationInfo> undo = new ArrayList<>(applied.subList(index + 1, applied.size()));
        Collections.reverse(undo);
        return undo;
    }

    private static MigrationVersion version(List<MigrationInfo> all, String target, String chain) {
        return all.stream().filter(info -> info.getVersion() != null)
                .filter(info -> FlywayChain.idOf(info).equals(target) || sameVersion(info.getVersion(), target))
                .map(MigrationInfo::getVersion).findFirst()
                .orElseThrow(() -> new MigrationTestConfigurationException("The " + chain + " has no versioned migration '"
                        + target + "' to roll back to. Its versions are: " + all.stream()
                        .filter(info -> info.getVersion() != null).map(info -> info.getVersion().getVersion())
                        .distinct().collect(Collectors.joining(", ")) + "."));
    }

    private static boolean sameVersion(MigrationVersion version, String target) {
        try {
            return version.equals(MigrationVersion.fromVersion(target));
        } catch (FlywayException | NumberFormatException e) {
            return false;
        }
    }

    private List<String> locations() {
        List<String> locations = Arrays.stream(configuration.getLocations()).map(Location::getDescriptor)
                .collect(Collectors.toCollection(ArrayList::new));
        locations.addAll(undoLocations);
        return locations;
    }

    private MigrationFailure noUndoScript(List<Applied> missing) {
        Migration first = missing.get(0).migration();
        String description = first.description().replace(' ', '_');
        String expected = UndoScripts.PREFIX + missing.get(0).version().getVersion()
                + configuration.getSqlMigrationSeparator() + description + configuration.getSqlMigrationSuffixes()[0];
        String message = "it has no undo script. Add " + expected + " beside " + first.script() + " (in "
                + String.join(" or ", locations())
                + ") with the statements that undo it; migrationtest runs it and removes the migration's row from "
                + configuration.getTable() + "."
                + (missing.size() > 1 ? " Nor have undo scripts: " + missing.subList(1, missing.size()).stream()
                        .map(applied -> applied.migration().script()).collect(Collectors.joining(", ")) + "." : "");
        return MigrationFailure.builder(MigrationFailure.Kind.NO_ROLLBACK, message)
                .migration(first)
                .build();
    }

    /** Runs one undo script and deletes the migration's history row, both or neither. */
    private Optional<MigrationFailure> undo(DataSource dataSource, Applied info, UndoScripts.UndoScript script) {
        Migration migration = info.migration();
        String statement = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String schema = historySchema(connection);
                if (configuration.getDefaultSchema() != null || configuration.getSchemas().length > 0) {
                    // Flyway runs migrations with its default schema first on the search path; so do their undos.
                    try (PreparedStatement searchPath = connection.prepareStatement("select set_config('search_path',"
                            + " quote_ident(?) || ', ' || current_setting('search_path'), true)")) {
                        searchPath.setString(1, schema);
                        searchPath.execute();
                    }
                }
                String sql = placeholders(script, connection, schema);
                for (String each : SqlScript.statements(sql)) {
                    statement = each;
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.execute(each);
                    }
                }
                statement = null;
                int deleted = deleteHistoryRow(connection, schema, info.installedRank());
                if (deleted != 1) {
                    rollbackQuietly(connection);
                    return Optional.of(MigrationFailure.builder(MigrationFailure.Kind.ENGINE_ERROR, "the undo script "
                            + script.name() + " ran, but " + quote(schema) + "." + quote(configuration.getTable())
                            + " had " + deleted + " rows of installed_rank " + info.installedRank()
                            + " instead of one; nothing was undone").migration(migration).build());
                }
                connection.commit();
                return Optional.empty();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                MigrationFailure.Builder failure = SqlErrors.describe(e).migration(migration);
                if (statement != null) {
                    failure.statement(statement);
                }
                return Optional.of(failure.engineMessage("Undo script " + script.location() + "/" + script.name()
                        + " failed: " + SqlErrors.messageChain(e)).build());
            } catch (UnknownPlaceholderException e) {
                rollbackQuietly(connection);
                return Optional.of(MigrationFailure.builder(MigrationFailure.Kind.ENGINE_ERROR, e.getMessage())
                        .migration(migration).build());
            }
        } catch (SQLException e) {
            return Optional.of(SqlErrors.describe(e).migration(migration).build());
        }
    }

    /** The schema of the history table, as Flyway chooses it: the default schema, the first schema, else the current one. */
    private String historySchema(Connection connection) throws SQLException {
        if (configuration.getDefaultSchema() != null) {
            return configuration.getDefaultSchema();
        }
        if (configuration.getSchemas().length > 0) {
            return configuration.getSchemas()[0];
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private int deleteHistoryRow(Connection connection, String schema, int installedRank) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + quote(schema) + "."
                + quote(configuration.getTable()) + " where installed_rank = ?")) {
            delete.setInt(1, installedRank);
            return delete.executeUpdate();
        }
    }

    /** Replaces placeholders as Flyway does: the chain's own, then Flyway's built-in {@code flyway:*} ones. */
    private String placeholders(UndoScripts.UndoScript script, Connection connection, String schema)
            throws SQLException, UnknownPlaceholderException {
        if (!configuration.isPlaceholderReplacement()) {
            return script.text();
        }
        Map<String, String> values = new HashMap<>(configuration.getPlaceholders());
        values.put("flyway:defaultSchema", schema);
        values.put("flyway:table", configuration.getTable());
        values.put("flyway:filename", script.name().substring(script.name().lastIndexOf('/') + 1));
        values.put("flyway:timestamp", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_user, current_database()")) {
            rs.next();
            values.put("flyway:user", rs.getString(1));
            values.put("flyway:database", rs.getString(2));
        }
        Map<String, String> lowerCase = new HashMap<>();
        values.forEach((k, v) -> lowerCase.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        Pattern pattern = Pattern.compile(Pattern.quote(configuration.getPlaceholderPrefix()) + "(.+?)"
                + Pattern.quote(configuration.getPlaceholderSuffix()));
        Matcher matcher = pattern.matcher(script.text());
        StringBuilder replaced = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.containsKey(name) ? values.get(name) : lowerCase.get(name.toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new UnknownPlaceholderException("the undo script " + script.name() + " uses the placeholder "
                        + matcher.group() + ", which has no value. Set it, e.g. with the Flyway property flyway.placeholders."
                        + name + "=...");
            }
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is broken (ended by the time limit); the server has rolled the transaction back.
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A placeholder without value: the script cannot run. */
    private static final class UnknownPlaceholderException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownPlaceholderException(String message) {
            super(message);
        }
    }
}
