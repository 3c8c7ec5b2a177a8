package io.github.migrationtest.assertions.schema;

import io.github.migrationtest.assertions.internal.CanonicalText;
import io.github.migrationtest.assertions.internal.CatalogReader;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.internal.Names;
import io.github.migrationtest.assertions.internal.SchemaTree;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The structure of a database as {@code pg_catalog} describes it, read in one pass: schemas, tables and their
 * columns, constraints, indexes and triggers, enums, domains, sequences, views, materialized views, functions,
 * procedures and extensions, plus the migration history. Objects that belong to an extension are left out (they
 * come with the extension), and so are the engine's history tables.
 *
 * <pre>{@code
 * SchemaSnapshot snapshot = SchemaSnapshot.of(db);
 * snapshot.table("users").flatMap(t -> t.column("email")).map(Column::type);   // Optional[text]
 * String text = snapshot.canonicalText();                                        // for a committed file
 * }</pre>
 *
 * <p>Lists are sorted by name (columns keep their order). Two snapshots describe the same schema when their
 * {@linkplain #canonicalText() canonical texts} are equal; {@link SchemaDiff} says how they differ.
 *
 * @param serverVersion the version of the server it was read from, e.g. {@code 17.6}
 * @param schemas the schemas read
 * @param extensions the extensions installed in those schemas (plpgsql, present everywhere, is left out)
 * @param enums the enum types
 * @param domains the domains
 * @param sequences the sequences, except those of identity columns
 * @param tables the tables, partitioned tables, partitions and foreign tables, without the history tables
 * @param views the views and materialized views
 * @param routines the functions, procedures and aggregates
 * @param history the rows of the migration history table, if the database has one
 */
public record SchemaSnapshot(String serverVersion, List<Schema> schemas, List<Extension> extensions,
        List<EnumType> enums, List<Domain> domains, List<Sequence> sequences, List<Table> tables, List<View> views,
        List<Routine> routines, MigrationHistory history) {

    /** Validates and copies the components. */
    public SchemaSnapshot {
        Objects.requireNonNull(serverVersion, "serverVersion");
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        domains = List.copyOf(domains);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        Objects.requireNonNull(history, "history");
    }

    /** Reads every non-system schema of the database. */
    public static SchemaSnapshot of(DataSource dataSource) {
        return of(dataSource, SnapshotOptions.defaults());
    }

    /** Reads the database as the options say. */
    public static SchemaSnapshot of(DataSource dataSource, SnapshotOptions options) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection, options);
        } catch (SQLException e) {
            throw new MigrationTestException("Could not connect to read a schema snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Reads every non-system schema over an open connection. The connection is left as it was: if it is in a
     * transaction, the snapshot sees that transaction's uncommitted changes.
     */
    public static SchemaSnapshot of(Connection connection) {
        return of(connection, SnapshotOptions.defaults());
    }

    /** Reads the database over an open connection as the options say. */
    public static SchemaSnapshot of(Connection connection, SnapshotOptions options) {
        try {
            return CatalogReader.read(connection, options);
        } catch (SQLException e) {
            throw new MigrationTestException("Could not read a schema snapshot from pg_catalog: " + e.getMessage(), e);
        }
    }

    /** Reads every non-system schema of a test's database. */
    public static SchemaSnapshot of(MigrationDatabase database) {
        return of(database.dataSource());
    }

    /** Reads a test's database as the options say. */
    public static SchemaSnapshot of(MigrationDatabase database, SnapshotOptions options) {
        return of(database.dataSource(), options);
    }

    /**
     * The stable, sorted text of the schema (not the history), for committing as the expected schema of a chain:
     * equal texts mean equal schemas. See {@link SchemaDiff#between(String, String)} to compare texts.
     */
    public String canonicalText() {
        return CanonicalText.render(SchemaTree.of(this));
    }

    /** The names of the schemas read. */
    public List<String> schemaNames() {
        return schemas.stream().map(Schema::name).collect(Collectors.toUnmodifiableList());
    }

    /** The schema with this name. */
    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The table with this name: {@code auth.users}, or {@code users} for {@code public.users} (or the only
     * {@code users} in any schema).
     *
     * @throws IllegalArgumentException if an unqualified name is ambiguous
     */
    public Optional<Table> table(String name) {
        return value(Names.resolve("table", "tables", "table", name, tables, Table::name, schemaNames()));
    }

    /** The view or materialized view with this name, resolved like {@link #table(String)}. */
    public Optional<View> view(String name) {
        return value(Names.resolve("view", "views", "view", name, views, View::name, schemaNames()));
    }

    /** The enum type with this name, resolved like {@link #table(String)}. */
    public Optional<EnumType> enumType(String name) {
        return value(Names.resolve("enum", "enums", "enumType", name, enums, EnumType::name, schemaNames()));
    }

    /** The domain with this name, resolved like {@link #table(String)}. */
    public Optional<Domain> domain(String name) {
        return value(Names.resolve("domain", "domains", "domain", name, domains, Domain::name, schemaNames()));
    }

    /** The sequence with this name, resolved like {@link #table(String)}. */
    public Optional<Sequence> sequence(String name) {
        return value(Names.resolve("sequence", "sequences", "sequence", name, sequences, Sequence::name,
                schemaNames()));
    }

    /** The index with this name (of a table or materialized view), resolved like {@link #table(String)}. */
    public Optional<Index> index(String name) {
        return value(Names.resolve("index", "indexes", "index", name, indexes(), Index::name, schemaNames()));
    }

    /**
     * The function (or aggregate) with this name or signature, e.g. {@code add} or {@code add(integer, integer)}.
     *
     * @throws IllegalArgumentException if the name is ambiguous (several schemas, or overloads)
     */
    public Optional<Routine> function(String nameOrSignature) {
        return value(Names.routine("function", nameOrSignature, functions(), schemaNames()));
    }

    /** The procedure with this name or signature, resolved like {@link #function(String)}. */
    public Optional<Routine> procedure(String nameOrSignature) {
        return value(Names.routine("procedure", nameOrSignature, procedures(), schemaNames()));
    }

    /** The extension with this name. */
    public Optional<Extension> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Every index of every table and materialized view, by qualified name. */
    public List<Index> indexes() {
        return Stream.concat(tables.stream().flatMap(t -> t.indexes().stream()),
                views.stream().flatMap(v -> v.indexes().stream())).sorted((a, b) -> a.name().compareTo(b.name()))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The functions, aggregates and window functions. */
    public List<Routine> functions() {
        return routines.stream().filter(r -> r.kind() != RoutineKind.PROCEDURE).collect(Collectors.toUnmodifiableList());
    }

    /** The procedures. */
    public List<Routine> procedures() {
        return routines.stream().filter(r -> r.kind() == RoutineKind.PROCEDURE).collect(Collectors.toUnmodifiableList());
    }

    private static <T> Optional<T> value(Lookup<T> lookup) {
        lookup.ambiguity().ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return lookup.value();
    }
}
