package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.flyway.FlywayConfigurer;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.EngineHistory;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.Locations;
import io.github.migrationtest.core.internal.SqlErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A chain of Flyway migrations: locations, {@code flyway.*} properties and an optional
 * {@link FlywayConfigurer}, run by the Flyway the user's project brings.
 *
 * <pre>{@code
 * MigrationChain chain = FlywayChain.builder()
 *         .locations("classpath:db/migration")
 *         .property("flyway.placeholders.owner", "app")
 *         .build();
 * }</pre>
 *
 * <p>Rollback runs {@code U<version>__<description>.sql} undo scripts found beside the migrations
 * (in the locations) or in the {@linkplain Builder#undoLocations(String...) undo locations}.
 */
public final class FlywayChain implements MigrationChain {

    private final List<String> locations;
    private final Map<String, String> properties;
    private final FlywayConfigurer configurer;
    private final ClassLoader classLoader;
    // Taken once, when first asked: a chain object stands for its files as they were then.
    private volatile String contentFingerprint;
    private final List<String> undoLocations;

    private FlywayChain(Builder builder) {
        this.locations = List.copyOf(builder.locations);
        this.undoLocations = List.copyOf(builder.undoLocations);
        this.properties = Map.copyOf(builder.properties);
        this.configurer = builder.configurer;
        this.classLoader = builder.classLoader != null ? builder.classLoader
                : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                        FlywayChain.class.getClassLoader());
    }

    /** Starts describing a chain. */
    public static Builder builder() {
        FlywaySupport.require();
        return new Builder();
    }

    /** The chain's locations. */
    public List<String> locations() {
        return locations;
    }

    @Override
    public String engine() {
        String version = Flyway.class.getPackage().getImplementationVersion();
        return "Flyway " + (version == null ? FlywayVersion.read() : version);
    }

    @Override
    public String description() {
        return "Flyway chain " + String.join(", ", locations);
    }

    @Override
    public String settings() {
        return "locations=" + locations + "\nproperties=" + new TreeMap<>(properties) + "\nconfigurer="
                + configurer.getClass().getName() + (undoLocations.isEmpty() ? "" : "\nundoLocations=" + undoLocations);
    }

    /** The locations' files, fingerprinted once per chain object (a walk of every location). */
    @Override
    public String contentFingerprint() {
        String known = contentFingerprint;
        if (known == null) {
            try {
                known = LocationFingerprint.of(locations.stream().map(Location::new).toArray(Location[]::new),
                        classLoader).map(FlywayChain::sha256).orElse("");
            } catch (RuntimeException e) {
                // A location Flyway cannot parse is validate()'s to report, not a fingerprint's.
                known = "";
            }
            contentFingerprint = known;
        }
        return known;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void validate() {
        if (locations.isEmpty()) {
            throw new MigrationTestConfigurationException("The Flyway chain names no location. Give one, e.g."
                    + " @MigrationTest(flyway = \"classpath:db/migration\").");
        }
        for (String location : locations) {
            LocationPrefix.check(location);
            if (!Locations.exists(location, classLoader)) {
                throw new MigrationTestConfigurationException("The Flyway location '" + location + "' does not exist. "
                        + (Locations.isFileSystem(location)
                        ? "No file or directory " + Locations.fileSystemPath(location).toAbsolutePath() + "."
                        : "No directory " + Locations.classPathResource(location) + " is on the test class path (put"
                        + " migrations under src/main/resources/" + Locations.classPathResource(location)
                        + " or src/test/resources/" + Locations.classPathResource(location)
                        + "; use filesystem:path for a directory outside the class path)."));
            }
        }
        try {
            configurer.configure(configuration());
        } catch (FlywayException e) {
            throw new MigrationTestConfigurationException("Flyway does not accept the settings of the " + description()
                    + ": " + flywaysReason(e) + " Check the flyway.* keys of @MigrationTest(properties) and "
                    + "migrationtest.properties, and the flywayConfigurer.", e);
        }
        DuplicateVersions.check(locations, classLoader, properties, description());
    }

    private static String flywaysReason(FlywayException e) {
        // Flyway's own advice is about its command line, which migrationtest does not use.
        String reason = String.valueOf(e.getMessage()).replace("Please check your conf files or commandline parameters", "")
                .trim();
        return reason.endsWith(".") ? reason : reason + ".";
    }

    @Override
    public List<Migration> migrations(DataSource database) {
        Flyway flyway = flyway(database, Optional.empty());
        List<Migration> resolved = ResolvedMigrations.scan(flyway);
        ResolvedMigrations.remember(settings(), flyway, resolved);
        return resolved;
    }

    /** Repeatable migrations, callbacks, Java migrations, {@code outOfOrder} and {@code baselineOnMigrate}. */
    @Override
    public Optional<String> stepwiseCaveat(DataSource database) {
        return RunCaveats.of(flyway(database, Optional.empty()));
    }

    /**
     * Applies the pending migrations with one Flyway command: what it applied comes from its result
     * (or, on failure, from the partial result Flyway attaches), not from the history before and after.
     */
    @Override
    public MigrationResult migrate(DataSource database, Optional<String> target) {
        Flyway flyway = flyway(database, target);
        long started = System.nanoTime();
        int lastRankBefore = 0;
        try {
            if (!PartialResults.AVAILABLE) {
                lastRankBefore = lastRank(flyway);
            }
            MigrateResult result = flyway.migrate();
            return MigrationResult.success(ResolvedMigrations.applied(settings(), flyway, result.migrations),
                    elapsed(started));
        } catch (FlywayException e) {
            List<Migration> applied = PartialResults.AVAILABLE
                    ? recorded(flyway, PartialResults.of(e)
                            .map(r -> ResolvedMigrations.applied(settings(), flyway, r.migrations)).orElse(List.of()))
                    : appliedSince(flyway, lastRankBefore);
            MigrationFailure.Builder failure = SqlErrors.describe(e);
            ValidationDetail.of(e).ifPresent(failure::detail);
            failedMigration(flyway, e).ifPresent(failure::migration);
            return MigrationResult.failure(applied, failure.build(), elapsed(started));
        }
    }

    /**
     * Runs Flyway with no migrations to resolve: it creates the schema history table (and the schemas it
     * manages) as it does before the first migration, and applies nothing.
     */
    @Override
    public void initializeHistory(DataSource database) {
        FluentConfiguration configuration = configuration().dataSource(database);
        configurer.configure(configuration);
        configuration.locations(new String[0]).javaMigrations();
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new MigrationTestException("Flyway could not create its schema history table for the "
                    + description() + ": " + SqlErrors.messageChain(e), e);
        }
    }

    @Override
    public List<HistoryEntry> history(DataSource database) {
        List<HistoryEntry> history = new ArrayList<>();
        for (MigrationInfo info : flyway(database, Optional.empty()).info().applied()) {
            if (info.getInstalledRank() == null) {
                continue;
            }
            history.add(new HistoryEntry(info.getInstalledRank(), idOf(info), info.getDescription(),
                    info.getScript(), Optional.ofNullable(info.getChecksum()).map(String::valueOf),
                    !info.getState().isFailed(),
                    Optional.ofNullable(info.getInstalledOn()).map(java.util.Date::toInstant)));
        }
        return history;
    }

    @Override
    public Engine kind() {
        return Engine.FLYWAY;
    }

    @Override
    public EngineHistory engineHistory() {
        return new FlywayHistory(historyTable());
    }

    private String historyTable() {
        FluentConfiguration configuration = configuration();
        configurer.configure(configuration);
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        return schema == null ? configuration.getTable() : schema + "." + configuration.getTable();
    }

    @Override
    public Optional<String> sql(Migration migration) {
        for (String location : locations) {
            Optional<String> text = Locations.read(location, migration.script(), classLoader);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the undo script of the newest applied versioned migration and removes its history row, in
     * one transaction. Repeatable migrations have no undo and are left alone.
     */
    @Override
    public MigrationResult rollbackLast(DataSource database) {
        Flyway flyway = flyway(database, Optional.empty());
        Optional<List<String>> scripts = ResolvedMigrations.known(settings(), flyway)
                .map(migrations -> migrations.stream().map(Migration::script).toList());
        return new FlywayUndo(flyway, undoLocations, scripts).rollback(database, Optional.empty(), description());
    }

    /**
     * Runs, newest first, the undo scripts of the versioned migrations applied after {@code target},
     * each in one transaction with the removal of its history row.
     */
    @Override
    public MigrationResult rollbackTo(DataSource database, String target) {
        return new FlywayUndo(flyway(database, Optional.empty()), undoLocations, Optional.empty())
                .rollback(database, Optional.of(Objects.requireNonNull(target, "target")), description());
    }

    private Flyway flyway(DataSource database, Optional<String> target) {
        FluentConfiguration configuration = configuration().dataSource(database)
                .locations(locations.toArray(String[]::new));
        target.ifPresent(configuration::target);
        configurer.configure(configuration);
        if (target.isPresent() && !target.get().startsWith("R__")) {
            RepeatablesAtHead.apply(configuration);
        }
        return configuration.load();
    }

    /** The user's properties applied; the configurer runs last, so that it can change anything. */
    private FluentConfiguration configuration() {
        FluentConfiguration configuration = Flyway.configure(classLoader)
                .configuration(PostgresqlLockSetting.without(properties));
        PostgresqlLockSetting.apply(configuration, properties);
        return configuration;
    }

    private static int lastRank(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .map(MigrationInfo::getInstalledRank).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * Those of {@code reported} that the history records as applied: a failure can roll back what the
     * partial result lists (a group in one transaction, {@code flyway.group=true}).
     */
    private static List<Migration> recorded(Flyway flyway, List<Migration> reported) {
        if (reported.isEmpty()) {
            return reported;
        }
        try {
            List<String> applied = Arrays.stream(flyway.info().applied())
                    .filter(info -> info.getInstalledRank() != null && !info.getState().isFailed())
                    .map(info -> idOf(info) + "|" + info.getChecksum()).toList();
            return reported.stream().filter(m -> applied.contains(m.id() + "|" + m.checksum().orElse("null")))
                    .toList();
        } catch (FlywayException e) {
            return reported;
        }
    }

    /** What the history gained since {@code lastRankBefore}: for a failed run, which has no result. */
    private static List<Migration> appliedSince(Flyway flyway, int lastRankBefore) {
        try {
            return Arrays.stream(flyway.info().applied())
                    .filter(info -> info.getInstalledRank() != null && info.getInstalledRank() > lastRankBefore)
                    .filter(info -> !info.getState().isFailed())
                    .filter(info -> !String.valueOf(info.getType()).contains("BASELINE"))
                    .map(FlywayChain::toMigration)
                    .collect(Collectors.toUnmodifiableList());
        } catch (FlywayException e) {
            return List.of();
        }
    }

    /**
     * The migration that failed: the one the engine's message names, else the first one that did
     * not end up successfully applied. Empty for failures before any migration ran (validation).
     */
    private static Optional<Migration> failedMigration(Flyway flyway, FlywayException e) {
        if (SqlErrors.sqlException(e).isEmpty()) {
            return Optional.empty();
        }
        MigrationInfo[] all;
        try {
            all = flyway.info().all();
        } catch (FlywayException infoFailure) {
            return Optional.empty();
        }
        String message = SqlErrors.messageChain(e);
        Map<String, MigrationInfo> notApplied = new LinkedHashMap<>();
        for (MigrationInfo info : all) {
            if (info.getState().isFailed() || info.getState() == MigrationState.PENDING) {
                notApplied.put(info.getScript(), info);
            }
        }
        return notApplied.values().stream().filter(info -> message.contains(info.getScript())).findFirst()
                .or(() -> notApplied.values().stream().findFirst())
                .map(FlywayChain::toMigration);
    }

    static Migration toMigration(MigrationInfo info) {
        return Migration.of(idOf(info), info.getDescription(), info.getScript(),
                Optional.ofNullable(info.getChecksum()).map(String::valueOf));
    }

    static String idOf(MigrationInfo info) {
        return info.getVersion() == null ? "R__" + info.getDescription() : info.getVersion().getVersion();
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Collects the settings of a {@link FlywayChain}. */
    public static final class Builder {
        private final List<String> locations = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private FlywayConfigurer configurer = new FlywayConfigurer.None();
        private ClassLoader classLoader;
        private final List<String> undoLocations = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds locations that hold only undo scripts ({@code U<version>__<description>.sql}), searched
         * besides the migration locations. Needed with {@code flyway.validateMigrationNaming=true}, which
         * makes Flyway's community edition reject undo scripts in its own locations.
         */
        public Builder undoLocations(String... more) {
            undoLocations.addAll(Arrays.asList(more));
            return this;
        }

        /** Adds locations such as {@code classpath:db/migration} or {@code filesystem:src/main/sql}. */
        public Builder locations(String... more) {
            locations.addAll(Arrays.asList(more));
            return this;
        }

        /** Sets a Flyway property by its {@code flyway.*} key, e.g. {@code flyway.placeholders.owner}. */
        public Builder property(String key, String value) {
            if (!key.startsWith("flyway.")) {
                throw new MigrationTestConfigurationException("Flyway property '" + key + "' must start with 'flyway.',"
                        + " e.g. flyway.placeholders." + key + " or flyway.defaultSchema.");
            }
            properties.put(key, value);
            return this;
        }

        /** Sets several Flyway properties. */
        public Builder properties(Map<String, String> more) {
            more.forEach(this::property);
            return this;
        }

        /** Adjusts the configuration in code after locations and properties. */
        public Builder configurer(FlywayConfigurer value) {
            configurer = Objects.requireNonNull(value, "configurer");
            return this;
        }

        /** The class loader that finds {@code classpath:} locations and Java migrations. */
        public Builder classLoader(ClassLoader value) {
            classLoader = value;
            return this;
        }

        /** The chain. */
        public FlywayChain build() {
            return new FlywayChain(this);
        }
    }
}
