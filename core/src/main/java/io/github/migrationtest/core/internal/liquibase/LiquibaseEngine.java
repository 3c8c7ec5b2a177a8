package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.Listing;
import io.github.migrationtest.core.internal.SqlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.util.LiquibaseUtil;

/**
 * Runs the operations of a {@link LiquibaseChain}, each in its own Liquibase scope, connection and
 * {@link Liquibase} instance, all closed before it returns: a connection left open would keep the
 * database from serving as a template.
 *
 * <p>Only API that Liquibase 4.20 to 5.x all have is used: the {@link Liquibase} facade, the parser
 * factory, the changeset filters and the change execution events.
 */
final class LiquibaseEngine {

    private static final String CLASSPATH = "classpath:";
    private static final String ANALYTICS = "liquibase.analytics.enabled";

    private final LiquibaseSettings settings;
    private final String chain;

    LiquibaseEngine(LiquibaseSettings settings, String chain) {
        this.settings = settings;
        this.chain = chain;
    }

    static String version() {
        String version = LiquibaseUtil.getBuildVersion();
        return version == null || version.isBlank() ? "(unknown version)" : version;
    }

    void validate() {
        // No database yet: parameters that Liquibase derives from one (database.*) stay unresolved here.
        withResources(resources -> parse(resources, new ChangeLogParameters()));
    }

    List<Migration> migrations(DataSource dataSource) {
        return session(dataSource, session -> session.changeSets().stream().map(Changesets::toMigration)
                .collect(Collectors.toUnmodifiableList()));
    }

    /** Changesets with {@code runAlways="true"}: every update runs them again, so one run is not its steps. */
    Optional<String> stepwiseCaveat(DataSource dataSource) {
        return session(dataSource, session -> {
            List<String> always = session.changeSets().stream().filter(ChangeSet::isAlwaysRun)
                    .map(Changesets::identifier).toList();
            return always.isEmpty() ? Optional.<String>empty() : Optional.of("changesets with runAlways=\"true\" ("
                    + Listing.firstOf(always, 3) + ") run in every update");
        });
    }

    MigrationResult migrate(DataSource dataSource, Optional<String> target) {
        long started = System.nanoTime();
        return session(dataSource, session -> {
            // Liquibase's update parses the changelog itself; our own parse is needed only to resolve a target.
            if (target.isEmpty()) {
                requireChangelog(session.resources);
            }
            Optional<ChangeSet> last = target.isEmpty() ? Optional.empty()
                    : Optional.of(ChangesetTargets.resolve(session.changeSets(), target.get(), chain));
            try {
                if (last.isPresent()) {
                    int count = pendingUpTo(session, session.changeSets(), last.get());
                    if (count > 0) {
                        session.liquibase.update(count, contexts(), labels());
                    }
                } else {
                    session.liquibase.update(contexts(), labels());
                }
                return MigrationResult.success(migrations(session.listener.ran()), elapsed(started));
            } catch (MigrationTestException e) {
                throw e;
            } catch (LiquibaseException | RuntimeException e) {
                if (target.isEmpty() && session.listener.ran().isEmpty() && session.listener.failed().isEmpty()) {
                    // Nothing ran: perhaps the changelog does not parse, which is the chain's fault, not a run's.
                    session.changeLog();
                }
                return MigrationResult.failure(migrations(session.listener.ran()),
                        LiquibaseFailures.describe(e, session.listener.failed()), elapsed(started));
            }
        });
    }

    /** Creates DATABASECHANGELOG and DATABASECHANGELOGLOCK as an update does before its first changeset. */
    void initializeHistory(DataSource dataSource) {
        session(dataSource, session -> {
            session.liquibase.checkLiquibaseTables(false, session.changeLog(), contexts(), labels());
            return null;
        });
    }

    MigrationResult rollback(DataSource dataSource, Optional<String> target) {
        long started = System.nanoTime();
        return session(dataSource, session -> {
            List<ChangeSet> changeSets = session.changeSets();
            Optional<ChangeSet> to = target.map(t -> ChangesetTargets.resolve(changeSets, t, chain));
            List<ChangeSet> applied;
            try {
                applied = applied(session, changeSets);
            } catch (MigrationTestException e) {
                throw e;
            } catch (LiquibaseException | RuntimeException e) {
                return MigrationResult.failure(List.of(), LiquibaseFailures.describe(e, Optional.empty()),
                        elapsed(started));
            }
            List<ChangeSet> undo = toUndo(applied, to);
            if (undo.isEmpty()) {
                return MigrationResult.success(List.of(), elapsed(started));
            }
            // Checked up front so that a missing rollback leaves the database as it was, not half rolled back.
            List<ChangeSet> missing = undo.stream().filter(c -> !c.supportsRollback(session.database))
                    .collect(Collectors.toUnmodifiableList());
            if (!missing.isEmpty()) {
                return MigrationResult.failure(List.of(), LiquibaseFailures.noRollback(missing, session.database),
                        elapsed(started));
            }
            try {
                // Liquibase rolls back the newest applied changesets that pass the same filters, as counted here.
                session.liquibase.rollback(undo.size(), null, contexts(), labels());
                return MigrationResult.success(migrations(session.listener.rolledBack()), elapsed(started));
            } catch (MigrationTestException e) {
                throw e;
            } catch (LiquibaseException | RuntimeException e) {
                return MigrationResult.failure(migrations(session.listener.rolledBack()),
                        LiquibaseFailures.describe(e, session.listener.failed()), elapsed(started));
            }
        });
    }

    List<HistoryEntry> history(DataSource dataSource) {
        return session(dataSource, session -> {
            Database database = session.database;
            // Liquibase 4.20 answers null for a liquibase schema nobody set; its tables are then in the default one.
            String schema = Optional.ofNullable(database.getLiquibaseSchemaName())
                    .orElseGet(database::getDefaultSchemaName);
            return ChangelogHistory.read(session.connection, schema, database.getDatabaseChangeLogTableName());
        });
    }

    String historyTable() {
        // Liquibase creates the table unquoted, so PostgreSQL folds its name to lower case.
        String table = GlobalConfiguration.DATABASECHANGELOG_TABLE_NAME.getCurrentValue().toLowerCase(Locale.ROOT);
        return settings.liquibaseSchema().or(settings::defaultSchema).map(schema -> schema + "." + table)
                .orElse(table);
    }

    Optional<String> sql(Migration migration) {
        return withResources(resources -> {
            ChangeLogParameters parameters = new ChangeLogParameters();
            DatabaseChangeLog changeLog = parse(resources, parameters);
            List<String> statements = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (changeSet.getId().equals(migration.id())
                        && migration.author().map(changeSet.getAuthor()::equals).orElse(true)
                        && DatabaseChangeLog.normalizePath(changeSet.getFilePath())
                                .equals(DatabaseChangeLog.normalizePath(migration.script()))) {
                    changeSet.getChanges().stream().filter(AbstractSQLChange.class::isInstance)
                            .map(c -> ((AbstractSQLChange) c).getSql()).filter(t -> t != null && !t.isBlank())
                            .map(String::strip).forEach(statements::add);
                }
            }
            return statements.isEmpty() ? Optional.<String>empty() : Optional.of(String.join(";\n", statements));
        });
    }

    /** How many pending changesets, in the order Liquibase runs them, come up to and including {@code last}. */
    private int pendingUpTo(Session session, List<ChangeSet> changeSets, ChangeSet last) throws LiquibaseException {
        int lastIndex = changeSets.indexOf(last);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < changeSets.size(); i++) {
            positions.putIfAbsent(Changesets.identifier(changeSets.get(i)), i);
        }
        int count = 0;
        for (ChangeSet pending : session.liquibase.listUnrunChangeSets(contexts(), labels())) {
            Integer position = positions.get(Changesets.identifier(pending));
            if (position != null && position <= lastIndex) {
                count++;
            }
        }
        return count;
    }

    /** The chain's changesets recorded in {@code DATABASECHANGELOG}, in order of execution. */
    private List<ChangeSet> applied(Session session, List<ChangeSet> changeSets)
            throws LiquibaseException, IOException {
        List<ChangeSet> applied = new ArrayList<>();
        for (RanChangeSet ran : session.database.getRanChangeSetList()) {
            for (ChangeSet changeSet : session.changeLog().getChangeSets(ran)) {
                // Identity: both come from the one parsed changelog, and only the chain's filtered changesets count.
                if (changeSets.stream().anyMatch(c -> c == changeSet) && !applied.contains(changeSet)) {
                    applied.add(changeSet);
                    break;
                }
            }
        }
        return applied;
    }

    private List<ChangeSet> toUndo(List<ChangeSet> applied, Optional<ChangeSet> target) {
        if (target.isEmpty()) {
            return applied.isEmpty() ? List.of() : List.of(applied.get(applied.size() - 1));
        }
        int index = applied.lastIndexOf(target.get());
        if (index < 0) {
            throw new MigrationTestException("Cannot roll back to changeset " + Changesets.identifier(target.get())
                    + ": it is not applied. Applied changesets of the " + chain + ": "
                    + (applied.isEmpty() ? "none" : applied.stream().map(Changesets::identifier)
                    .collect(Collectors.joining(", "))) + ".");
        }
        List<ChangeSet> undo = new ArrayList<>(applied.subList(index + 1, applied.size()));
        Collections.reverse(undo);
        return undo;
    }

    private static List<Migration> migrations(List<ChangeSet> changeSets) {
        return changeSets.stream().map(Changesets::toMigration).collect(Collectors.toUnmodifiableList());
    }

    private Contexts contexts() {
        return settings.contexts().isEmpty() ? new Contexts() : new Contexts(String.join(",", settings.contexts()));
    }

    private LabelExpression labels() {
        return settings.labels().map(LabelExpression::new).orElseGet(LabelExpression::new);
    }

    /** The changelog path as Liquibase records it: {@code classpath:} is how Spring users write it, not part of it. */
    private String changelog() {
        String path = settings.changelog();
        return path.startsWith(CLASSPATH) ? path.substring(CLASSPATH.length()) : path;
    }

    private DatabaseChangeLog parse(ResourceAccessor resources, ChangeLogParameters parameters) throws IOException {
        requireChangelog(resources);
        configure(parameters);
        try {
            return ChangeLogParserFactory.getInstance().getParser(changelog(), resources)
                    .parse(changelog(), parameters, resources);
        } catch (LiquibaseException | RuntimeException e) {
            throw Changelogs.unparsable(changelog(), e);
        }
    }

    private void configure(ChangeLogParameters parameters) {
        settings.parameters().forEach(parameters::set);
        parameters.setContexts(contexts());
        parameters.setLabels(labels());
    }

    private void requireChangelog(ResourceAccessor resources) throws IOException {
        Resource resource = resources.get(changelog());
        if (resource == null || !resource.exists()) {
            throw Changelogs.missing(changelog(), settings.searchPath());
        }
    }

    private <T> T withResources(ResourceWork<T> work) {
        List<Path> directories = new ArrayList<>();
        for (String entry : settings.searchPath()) {
            Path directory = Paths.get(entry);
            if (!Files.isDirectory(directory)) {
                throw new MigrationTestConfigurationException("The Liquibase search path entry '" + entry
                        + "' is not a directory (" + directory.toAbsolutePath() + " does not exist or is a file).");
            }
            directories.add(directory);
        }
        ResourceAccessor resources = null;
        try {
            resources = resources(directories);
            ResourceAccessor scoped = resources;
            return Scope.child(scopeValues(scoped), () -> work.run(scoped));
        } catch (MigrationTestException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationTestException("Liquibase failed on the " + chain + ": " + SqlErrors.messageChain(e), e);
        } finally {
            closeQuietly(resources);
        }
    }

    private static void closeQuietly(ResourceAccessor resources) {
        if (resources == null) {
            return;
        }
        try {
            // Releases the file systems Liquibase opened on jars of the class path.
            resources.close();
        } catch (Exception e) {
            // Nothing of the result depends on it; a jar stays open until the JVM exits.
        }
    }

    private ResourceAccessor resources(List<Path> directories) throws IOException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        for (Path directory : directories) {
            accessors.add(new DirectoryResourceAccessor(directory));
        }
        accessors.add(new ClassLoaderResourceAccessor(settings.classLoader()));
        return new SpringPathsResourceAccessor(accessors);
    }

    private Map<String, Object> scopeValues(ResourceAccessor resources) {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.resourceAccessor.name(), resources);
        values.put(Scope.Attr.classLoader.name(), settings.classLoader());
        // Liquibase prints progress to stdout unless told otherwise; a test run's output belongs to the tests.
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        if (System.getProperty(ANALYTICS) == null && System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
            // Every test migrates; unless the user decided otherwise, do not phone home for each of them.
            values.put(ANALYTICS, Boolean.FALSE);
        }
        return values;
    }

    private <T> T session(DataSource dataSource, SessionWork<T> work) {
        return withResources(resources -> {
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try {
                    if (settings.defaultSchema().isPresent()) {
                        database.setDefaultSchemaName(settings.defaultSchema().get());
                    }
                    settings.liquibaseSchema().ifPresent(database::setLiquibaseSchemaName);
                    Liquibase liquibase = new Liquibase(changelog(), resources, database);
                    configure(liquibase.getChangeLogParameters());
                    RunListener listener = new RunListener();
                    liquibase.setChangeExecListener(listener);
                    SummaryOutput.toLog(liquibase);
                    return work.run(new Session(resources, connection, database, liquibase, listener));
                } finally {
                    closeQuietly(database);
                }
            } catch (SQLException e) {
                throw new MigrationTestException("Liquibase could not use the database for the " + chain + ": "
                        + SqlErrors.messageChain(e), e);
            }
        });
    }

    private static void closeQuietly(Database database) {
        try {
            database.close();
        } catch (LiquibaseException | RuntimeException e) {
            // The connection may be gone (a run cut by its time limit); the caller's try closes it regardless.
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Work with the chain's resources, inside its Liquibase scope. */
    @FunctionalInterface
    private interface ResourceWork<T> {
        T run(ResourceAccessor resources) throws Exception;
    }

    /** Work with an open session. */
    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Session session) throws Exception;
    }

    /** One operation's connection, Liquibase database and facade. */
    private final class Session {
        final ResourceAccessor resources;
        final Connection connection;
        final Database database;
        final Liquibase liquibase;
        final RunListener listener;
        private DatabaseChangeLog changeLog;

        Session(ResourceAccessor resources, Connection connection, Database database, Liquibase liquibase,
                RunListener listener) {
            this.resources = resources;
            this.connection = connection;
            this.database = database;
            this.liquibase = liquibase;
            this.listener = listener;
        }

        /** The parsed changelog; the facade keeps it, so updates and rollbacks reuse this very parse. */
        DatabaseChangeLog changeLog() throws IOException {
            if (changeLog == null) {
                requireChangelog(resources);
                try {
                    changeLog = liquibase.getDatabaseChangeLog();
                } catch (LiquibaseException | RuntimeException e) {
                    throw Changelogs.unparsable(changelog(), e);
                }
            }
            return changeLog;
        }

        /** The changesets that pass the chain's contexts, labels and dbms, in changelog order. */
        List<ChangeSet> changeSets() throws IOException {
            ContextChangeSetFilter contextFilter = new ContextChangeSetFilter(contexts());
            LabelChangeSetFilter labelFilter = new LabelChangeSetFilter(labels());
            DbmsChangeSetFilter dbmsFilter = new DbmsChangeSetFilter(database);
            IgnoreChangeSetFilter ignoreFilter = new IgnoreChangeSetFilter();
            return changeLog().getChangeSets().stream()
                    .filter(c -> contextFilter.accepts(c).isAccepted() && labelFilter.accepts(c).isAccepted()
                            && dbmsFilter.accepts(c).isAccepted() && ignoreFilter.accepts(c).isAccepted())
                    .collect(Collectors.toUnmodifiableList());
        }
    }
}
