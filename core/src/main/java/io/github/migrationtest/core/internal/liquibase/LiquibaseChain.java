package io.github.migrationtest.core.internal.liquibase;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.Engine;
import io.github.migrationtest.core.engine.EngineHistory;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A Liquibase changelog (XML, YAML, JSON or formatted SQL) with its contexts, labels, parameters
 * and schemas, run by the Liquibase the user's project brings (4.20 to 5.x).
 *
 * <pre>{@code
 * MigrationChain chain = LiquibaseChain.builder()
 *         .changelog("db/changelog/db.changelog-master.yaml")
 *         .contexts("test")
 *         .parameter("owner", "app")
 *         .build();
 * }</pre>
 *
 * <p>A migration is a changeset: its {@link Migration#id() id} is the changeset id, its
 * {@link Migration#author() author} the changeset author, its {@link Migration#script() script} the
 * changelog file that holds it. A target ({@link #migrate(DataSource, Optional)},
 * {@link #rollbackTo(DataSource, String)}) names a changeset by its id; where several changesets
 * share that id, by {@code id::author} or by Liquibase's full {@code file::id::author}. An ambiguous
 * target is an error that lists the candidates.
 *
 * <p>Every operation opens its own connection and Liquibase instance and closes both before it
 * returns.
 */
public final class LiquibaseChain implements MigrationChain {

    private static final String PROPERTY_PREFIX = "liquibase.";
    private static final String PARAMETERS = "parameters.";

    private final LiquibaseSettings settings;
    // Holds every Liquibase type; created only after LiquibaseSupport.require() has passed.
    private final LiquibaseEngine engine;

    private LiquibaseChain(LiquibaseSettings settings) {
        this.settings = settings;
        this.engine = new LiquibaseEngine(settings, description());
    }

    /**
     * Starts describing a chain.
     *
     * @throws MigrationTestConfigurationException if Liquibase is not on the class path
     */
    public static Builder builder() {
        LiquibaseSupport.require();
        return new Builder();
    }

    /** The changelog path, e.g. {@code db/changelog/db.changelog-master.yaml}. */
    public String changelog() {
        return settings.changelog();
    }

    @Override
    public String engine() {
        return "Liquibase " + LiquibaseEngine.version();
    }

    @Override
    public String description() {
        return "Liquibase chain " + settings.changelog();
    }

    @Override
    public String settings() {
        return settings.canonical();
    }

    /**
     * Checks that the search path directories and the changelog exist and that the changelog and
     * everything it includes parse.
     *
     * @throws MigrationTestConfigurationException naming the file and what is wrong with it
     */
    @Override
    public void validate() {
        engine.validate();
    }

    /** The changesets that match the chain's contexts and labels, in changelog order. */
    @Override
    public List<Migration> migrations(DataSource database) {
        return engine.migrations(database);
    }

    /** Changesets that run in every update ({@code runAlways}). */
    @Override
    public Optional<String> stepwiseCaveat(DataSource database) {
        return engine.stepwiseCaveat(database);
    }

    /**
     * Applies the pending changesets, up to and including {@code target} when one is given.
     *
     * @throws MigrationTestConfigurationException if the changelog is missing or broken, or the target
     *     names no changeset or several
     */
    @Override
    public MigrationResult migrate(DataSource database, Optional<String> target) {
        return engine.migrate(database, target);
    }

    @Override
    public void initializeHistory(DataSource database) {
        engine.initializeHistory(database);
    }

    /** The rows of {@code DATABASECHANGELOG}, in order of execution; empty if the table does not exist. */
    @Override
    public String targetOf(Migration migration) {
        return migration.script() + "::" + migration.id() + "::" + migration.author().orElse("");
    }

    @Override
    public List<HistoryEntry> history(DataSource database) {
        return engine.history(database);
    }

    /**
     * {@code databasechangelog} (or the table name Liquibase is configured with), qualified with the
     * liquibase schema or else the default schema when the chain names one.
     */
    @Override
    public Engine kind() {
        return Engine.LIQUIBASE;
    }

    @Override
    public EngineHistory engineHistory() {
        return new LiquibaseHistory(engine.historyTable());
    }

    /**
     * The SQL of the changeset's {@code sql} and {@code sqlFile} changes (all of a formatted-SQL
     * changeset), joined; empty for changesets of other changes, whose SQL Liquibase generates only
     * against a database.
     */
    @Override
    public Optional<String> sql(Migration migration) {
        return engine.sql(migration);
    }

    /**
     * Rolls back the changeset applied last, with its rollback block or the rollback Liquibase
     * generates for its changes (createTable, addColumn and the like).
     */
    @Override
    public MigrationResult rollbackLast(DataSource database) {
        return engine.rollback(database, Optional.empty());
    }

    /**
     * Rolls back, newest first, the changesets applied after {@code target}.
     *
     * @throws MigrationTestConfigurationException if the target names no changeset or several
     * @throws io.github.migrationtest.core.model.MigrationTestException if the target is not applied
     */
    @Override
    public MigrationResult rollbackTo(DataSource database, String target) {
        return engine.rollback(database, Optional.of(Objects.requireNonNull(target, "target")));
    }

    @Override
    public String toString() {
        return description();
    }

    /** Collects the settings of a {@link LiquibaseChain}. */
    public static final class Builder {
        private String changelog;
        private final List<String> contexts = new ArrayList<>();
        private String labels;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String defaultSchema;
        private String liquibaseSchema;
        private final List<String> searchPath = new ArrayList<>();
        private ClassLoader classLoader;

        private Builder() {
        }

        /**
         * The master changelog, a path on the class path or the search path, e.g.
         * {@code db/changelog/db.changelog-master.yaml} ({@code classpath:} is accepted and ignored).
         */
        public Builder changelog(String path) {
            changelog = requireText(path, "changelog");
            return this;
        }

        /** Adds contexts to run with, e.g. {@code contexts("test", "eu")}; none runs every changeset. */
        public Builder contexts(String... more) {
            Arrays.stream(more).map(c -> requireText(c, "context")).forEach(contexts::add);
            return this;
        }

        /** The label expression to run with, e.g. {@code "billing and !legacy"}. */
        public Builder labels(String expression) {
            labels = requireText(expression, "labels");
            return this;
        }

        /** Sets a changelog parameter, used as {@code ${key}} in the changelog. */
        public Builder parameter(String key, String value) {
            parameters.put(requireText(key, "parameter name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several changelog parameters. */
        public Builder parameters(Map<String, String> more) {
            more.forEach(this::parameter);
            return this;
        }

        /**
         * The schema the changesets work in (Liquibase's {@code defaultSchemaName}). Liquibase does
         * not create it: it must exist before the first changeset runs.
         */
        public Builder defaultSchema(String schema) {
            defaultSchema = requireText(schema, "defaultSchema");
            return this;
        }

        /**
         * The schema of {@code DATABASECHANGELOG} and {@code DATABASECHANGELOGLOCK} (Liquibase's
         * {@code liquibaseSchemaName}); by default the default schema.
         */
        public Builder liquibaseSchema(String schema) {
            liquibaseSchema = requireText(schema, "liquibaseSchema");
            return this;
        }

        /**
         * Adds directories searched for the changelog and the files it includes, before the class
         * path (Liquibase's {@code searchPath}), e.g. {@code searchPath("src/main/resources")}.
         */
        public Builder searchPath(String... directories) {
            Arrays.stream(directories).map(d -> requireText(d, "searchPath entry")).forEach(searchPath::add);
            return this;
        }

        /**
         * Sets a setting by its {@code liquibase.*} key, as {@code @MigrationTest(properties)} gives them:
         * {@code liquibase.contexts} and {@code liquibase.searchPath} (comma-separated),
         * {@code liquibase.labels} (or {@code labelFilter}), {@code liquibase.parameters.<name>},
         * {@code liquibase.defaultSchemaName} and {@code liquibase.liquibaseSchemaName}.
         *
         * @throws MigrationTestConfigurationException for any other key
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(value, "value");
            String name = key.startsWith(PROPERTY_PREFIX) ? key.substring(PROPERTY_PREFIX.length()) : "";
            if (name.startsWith(PARAMETERS) && name.length() > PARAMETERS.length()) {
                return parameter(name.substring(PARAMETERS.length()), value);
            }
            switch (name) {
                case "contexts":
                    return contexts(split(value));
                case "labels":
                case "labelFilter":
                    return labels(value);
                case "defaultSchemaName":
                case "defaultSchema":
                    return defaultSchema(value);
                case "liquibaseSchemaName":
                case "liquibaseSchema":
                    return liquibaseSchema(value);
                case "searchPath":
                    return searchPath(split(value));
                default:
                    throw new MigrationTestConfigurationException("Unknown Liquibase property '" + key + "'. Use"
                            + " liquibase.contexts, liquibase.labels, liquibase.parameters.<name>,"
                            + " liquibase.defaultSchemaName, liquibase.liquibaseSchemaName or liquibase.searchPath.");
            }
        }

        /** Sets several settings by their {@code liquibase.*} keys (see {@link #property(String, String)}). */
        public Builder properties(Map<String, String> more) {
            more.forEach(this::property);
            return this;
        }

        /** The class loader that finds the changelog on the class path; by default the context class loader. */
        public Builder classLoader(ClassLoader value) {
            classLoader = Objects.requireNonNull(value, "classLoader");
            return this;
        }

        /**
         * The chain.
         *
         * @throws MigrationTestConfigurationException if no changelog was given
         */
        public LiquibaseChain build() {
            if (changelog == null) {
                throw new MigrationTestConfigurationException("The Liquibase chain names no changelog. Give one, e.g."
                        + " LiquibaseChain.builder().changelog(\"db/changelog/db.changelog-master.yaml\").");
            }
            ClassLoader loader = classLoader != null ? classLoader
                    : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                            LiquibaseChain.class.getClassLoader());
            return new LiquibaseChain(new LiquibaseSettings(changelog, contexts, Optional.ofNullable(labels),
                    parameters, Optional.ofNullable(defaultSchema), Optional.ofNullable(liquibaseSchema), searchPath,
                    loader));
        }

        private static String[] split(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toArray(String[]::new);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new MigrationTestConfigurationException("The Liquibase " + what + " must not be blank.");
            }
            return value.strip();
        }
    }
}
