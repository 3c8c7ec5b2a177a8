package io.github.migrationtest.core;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.internal.dump.DumpFile;
import io.github.migrationtest.core.internal.dump.DumpLoader;
import io.github.migrationtest.core.internal.dump.RolePolicy;
import io.github.migrationtest.core.internal.dump.StartingDump;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.server.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A production database's schema as {@code pg_dump} wrote it, as the state a test starts from instead of an
 * empty database: {@code pg_dump --schema-only}, optionally followed by the engine's history rows
 * ({@code pg_dump --data-only -t flyway_schema_history}).
 *
 * <p>The files are loaded as psql would load them: {@code SET} lines, {@code COPY ... FROM stdin} blocks and
 * the backslash lines of recent pg_dump versions. Statements that name a role the server does not have (an
 * owner, a grant, a policy for that role) are left out, unless {@link #creatingMissingRoles()} says to create
 * the roles. Loading stops at the first statement that fails, naming file, line and statement.
 *
 * <pre>{@code
 * SchemaDump production = SchemaDump.of("classpath:prod/schema.sql", "classpath:prod/history.sql");
 * try (MigrationDatabase db = databases.startingFrom(production)) {
 *     assertThat(db.migrate()).succeeded();
 * }
 * }</pre>
 */
public final class SchemaDump implements DatabaseSeed {

    private final StartingDump dump;

    private SchemaDump(StartingDump dump) {
        this.dump = dump;
    }

    /**
     * The dump in these files, loaded in order; each is {@code classpath:path/in/resources.sql},
     * {@code filesystem:path} or a plain file system path.
     *
     * @throws MigrationTestConfigurationException if a file does not exist or cannot be read
     */
    public static SchemaDump of(String... locations) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SchemaDump.class.getClassLoader());
        return of(loader, locations);
    }

    /**
     * The dump in these files, with {@code classpath:} locations looked up through {@code loader}.
     *
     * @throws MigrationTestConfigurationException if a file does not exist or cannot be read
     */
    public static SchemaDump of(ClassLoader loader, String... locations) {
        Objects.requireNonNull(loader, "loader");
        if (locations.length == 0) {
            throw new MigrationTestConfigurationException("A schema dump needs at least one file, e.g."
                    + " SchemaDump.of(\"classpath:prod/schema.sql\").");
        }
        List<DumpFile> files = new ArrayList<>();
        for (String location : locations) {
            files.add(new DumpFile(location, read(location, loader)));
        }
        return new SchemaDump(new StartingDump(files, RolePolicy.SKIP));
    }

    /**
     * This dump, with the roles its statements name created ({@code NOLOGIN}) where the server lacks them,
     * instead of leaving those statements out. Roles belong to the server, not the database: they stay after
     * the test, which is harmless on the servers a run starts itself and worth a thought on an external one.
     */
    public SchemaDump creatingMissingRoles() {
        return new SchemaDump(new StartingDump(dump.files(), RolePolicy.CREATE));
    }

    /** The fingerprint of the files and role policy: the cached template of this dump is keyed by it. */
    public String fingerprint() {
        return dump.fingerprint();
    }

    /** The files, e.g. {@code classpath:prod/schema.sql + classpath:prod/history.sql}. */
    public String describe() {
        return dump.describe();
    }

    /** The dump as the template cache keys it. */
    public StartingDump starting() {
        return dump;
    }

    /**
     * Loads the dump into the database itself, not through a cached template: for a database that already has
     * other state, e.g. {@code db.seed(SchemaDump.of("classpath:prod/schema.sql"))}.
     */
    @Override
    public Seeded applyTo(MigrationDatabase database) {
        try (Connection connection = database.connect()) {
            DumpLoader.load(connection, dump.files(), dump.roles());
            return Seeded.NOTHING;
        } catch (SQLException e) {
            throw new MigrationTestException("Could not connect to " + database.name() + " to load the dump "
                    + dump.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "schema dump " + dump.describe() + " (" + dump.fingerprint() + ")";
    }

    private static String read(String location, ClassLoader loader) {
        try {
            if (location.startsWith("classpath:")) {
                String path = location.substring("classpath:".length()).replaceFirst("^/", "");
                URL url = loader.getResource(path);
                if (url == null) {
                    throw new MigrationTestConfigurationException("The dump " + location + " is not on the class"
                            + " path: put it at src/test/resources/" + path + ", or name a file with filesystem:<path>.");
                }
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path file = Paths.get(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                    : location);
            if (!Files.isRegularFile(file)) {
                throw new MigrationTestConfigurationException("The dump " + location + " does not exist ("
                        + file.toAbsolutePath() + "). Make it with `pg_dump --schema-only --file=" + file + " <database>`,"
                        + " or name a class path resource with classpath:<path>.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationTestConfigurationException("Could not read the dump " + location + ": " + e.getMessage()
                    + ". Dumps are read as UTF-8 (pg_dump --encoding=UTF8).", e);
        }
    }
}
