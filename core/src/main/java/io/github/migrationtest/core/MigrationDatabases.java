package io.github.migrationtest.core;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.flyway.FlywaySupport;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseSupport;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where {@link MigrationDatabase}s come from: one chain, one PostgreSQL major version, one set of
 * {@link MigrationSettings}. Every database it makes is a database of its own, empty or a clone of a cached
 * state of the chain, and carries the settings. The JUnit extension makes one per test class and version;
 * without JUnit, build one yourself:
 *
 * <pre>{@code
 * MigrationDatabases databases = MigrationDatabases.builder()
 *         .flyway("classpath:db/migration")
 *         .postgres(17)
 *         .build();
 * try (MigrationDatabase db = databases.at("6")) {      // a clone of the state after migration 6
 *     assertThat(db.migrate()).succeeded();
 * }
 * }</pre>
 *
 * <p>The server's provider is resolved and checked once, when this is built (for embedded servers that is a
 * class-path scan or a {@code postgres --version} run); the server starts on first use, and every database
 * after that only looks it up. Thread-safe.
 */
public final class MigrationDatabases {

    private final MigrationChain chain;
    private final MigrationSettings settings;
    private final ServerProvider provider;
    private final OptionalInt major;

    private MigrationDatabases(MigrationChain chain, MigrationSettings settings, ServerProvider provider,
            OptionalInt major) {
        this.chain = chain;
        this.settings = settings;
        this.provider = provider;
        this.major = major;
    }

    /** A builder; it needs a chain. */
    public static Builder builder() {
        return new Builder();
    }

    /** The chain every database is bound to. */
    public MigrationChain chain() {
        return chain;
    }

    /** The settings every database carries. */
    public MigrationSettings settings() {
        return settings;
    }

    /** Where the server comes from, as resolved when this was built (never {@link ServerProvider#AUTO}). */
    public ServerProvider provider() {
        return provider;
    }

    /**
     * The server the databases live on, started if this JVM has none for the provider and version yet.
     *
     * @throws MigrationTestConfigurationException if the provider cannot supply it, with what to do
     */
    public PostgresServer server() {
        return PostgresServers.acquireResolved(provider, major, settings.configuration());
    }

    /** The chain's migrations, in order, as resolved once for the server. */
    public List<Migration> migrations() {
        return factory().templates().migrations(chain);
    }

    /** A new empty database with the chain bound; the caller closes it, which drops it. */
    public MigrationDatabase empty() {
        return new MigrationDatabase(factory().createEmpty(chain), chain, settings);
    }

    /**
     * A new database at the chain's head: a clone of the cached migrated state.
     *
     * @throws MigrationTestException if the chain fails on the way, with the failure
     */
    public MigrationDatabase migrated() {
        return at(Optional.empty());
    }

    /**
     * A new database in the state after migration {@code migrationId}: a clone of the cached state.
     *
     * @throws MigrationTestConfigurationException if the chain has no such migration
     * @throws MigrationTestException if the chain fails on the way, with the failure
     */
    public MigrationDatabase at(String migrationId) {
        return at(Optional.of(migrationId));
    }

    /** A clone of the state after {@code migrationId}, or of the head when it is empty. */
    public MigrationDatabase at(Optional<String> migrationId) {
        DatabaseFactory factory = factory();
        String template = factory.templates().templateAt(chain, migrationId, settings.migrationTimeout());
        return new MigrationDatabase(factory.cloneOf(template), chain, settings);
    }

    /**
     * A new database that is a copy of {@code source}, a database of this chain on the same server, as it is
     * now: for a state a test built once and wants again. No session may be using {@code source} meanwhile.
     *
     * @throws MigrationTestException if the server refuses the copy (for example, a session still uses it)
     */
    public MigrationDatabase copyOf(MigrationDatabase source) {
        return new MigrationDatabase(factory().cloneOf(source.name()), chain, settings);
    }

    /**
     * A new database that starts as a clone of the dump's cached template (the dump loaded once per server and
     * content), with none of the chain applied: what production had before this deploy.
     *
     * @throws MigrationTestException if the dump does not load, with the file, line and statement
     */
    public MigrationDatabase startingFrom(SchemaDump dump) {
        return fromDump(dump, Optional.of(TemplateCache.NO_MIGRATION));
    }

    /**
     * A new database that starts from the dump and then has the chain applied up to {@code migrationId}, or to
     * the head when it is empty; the state is cached like any other.
     *
     * @throws MigrationTestException if the dump does not load or the chain fails on it, with the failure
     */
    public MigrationDatabase startingFrom(SchemaDump dump, Optional<String> migrationId) {
        return fromDump(dump, migrationId);
    }

    private MigrationDatabase fromDump(SchemaDump dump, Optional<String> target) {
        DatabaseFactory factory = factory();
        String template = factory.templates().templateAt(chain, dump.starting(), target, settings.migrationTimeout());
        return new MigrationDatabase(factory.cloneOf(template), chain, settings);
    }

    private DatabaseFactory factory() {
        return DatabaseFactory.on(server());
    }

    @Override
    public String toString() {
        return "databases of the " + chain.description() + " on " + provider.settingValue() + " PostgreSQL "
                + (major.isPresent() ? Integer.toString(major.getAsInt()) : "(the server's version)");
    }

    /** Builds {@link MigrationDatabases}. */
    public static final class Builder {

        private MigrationChain chain;
        private String[] flyway;
        private String liquibase;
        private MigrationSettings settings;
        private OptionalInt major = OptionalInt.empty();

        private Builder() {
        }

        /** The chain, built by hand or by another entry point. */
        public Builder chain(MigrationChain value) {
            this.chain = Objects.requireNonNull(value, "chain");
            return this;
        }

        /**
         * A Flyway chain at these locations ({@code classpath:db/migration}), with the {@code flyway.*}
         * properties of the settings.
         */
        public Builder flyway(String... locations) {
            this.flyway = locations.clone();
            return this;
        }

        /** A Liquibase chain of this master changelog, with the {@code liquibase.*} properties of the settings. */
        public Builder liquibase(String changelog) {
            this.liquibase = Objects.requireNonNull(changelog, "changelog");
            return this;
        }

        /** The settings; {@link MigrationSettings#load()} when not given. */
        public Builder settings(MigrationSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * The PostgreSQL major version; by default the first of the settings' versions, or an external
         * server's own.
         */
        public Builder postgres(int value) {
            this.major = OptionalInt.of(value);
            return this;
        }

        /** The major version, or empty for the default (see {@link #postgres(int)}). */
        public Builder postgres(OptionalInt value) {
            this.major = Objects.requireNonNull(value, "major");
            return this;
        }

        /**
         * Checks the chain and resolves the provider, without starting a server.
         *
         * @throws MigrationTestConfigurationException if no chain or two are given, the chain cannot be used,
         *     or the provider cannot supply a server here - with what to do
         */
        public MigrationDatabases build() {
            MigrationSettings resolved = settings != null ? settings : MigrationSettings.load();
            MigrationChain built = chain(resolved);
            OptionalInt version = major.isPresent() || resolved.postgresVersions().isEmpty() ? major
                    : OptionalInt.of(resolved.postgresVersions().get(0));
            ServerProvider provider = PostgresServers.resolve(resolved.provider(), version, resolved.configuration());
            return new MigrationDatabases(built, resolved, provider, version);
        }

        private MigrationChain chain(MigrationSettings resolved) {
            int given = (chain != null ? 1 : 0) + (flyway != null ? 1 : 0) + (liquibase != null ? 1 : 0);
            if (given != 1) {
                throw new MigrationTestConfigurationException("MigrationDatabases.builder() needs exactly one chain:"
                        + " chain(...), flyway(\"classpath:db/migration\") or liquibase(\"db/changelog/master.yaml\");"
                        + " it has " + given + ".");
            }
            if (chain != null) {
                return chain;
            }
            MigrationChain built;
            if (flyway != null) {
                FlywaySupport.require();
                built = FlywayChain.builder().locations(flyway).properties(resolved.engineProperties("flyway."))
                        .build();
            } else {
                LiquibaseSupport.require();
                built = LiquibaseChain.builder().changelog(liquibase)
                        .properties(resolved.engineProperties("liquibase.")).build();
            }
            built.validate();
            return built;
        }
    }
}
