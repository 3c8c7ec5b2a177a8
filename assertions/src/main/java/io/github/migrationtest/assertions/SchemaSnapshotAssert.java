package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.internal.Names;
import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Extension;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.MigrationHistory;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.Routine;
import io.github.migrationtest.assertions.schema.Schema;
import io.github.migrationtest.assertions.schema.SchemaDiff;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Sequence;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.View;
import io.github.migrationtest.assertions.internal.SnapshotFiles;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationSettings;
import io.github.migrationtest.core.internal.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole schema, and the way to its objects by name:
 *
 * <pre>{@code
 * assertThat(db).table("auth.users").column("email").hasType("text").isNotNullable();
 * assertThat(db).enumType("industry").hasLabels("tech", "media", "retail");
 * assertThat(db).matchesSnapshot(Path.of("src/test/resources/schema/head.schema"));
 * }</pre>
 *
 * Unqualified names mean the object in {@code public}, or the only one of that name in any schema.
 */
public class SchemaSnapshotAssert extends AbstractAssert<SchemaSnapshotAssert, SchemaSnapshot> {

    /** The setting that makes {@link #matchesSnapshot(Path)} write the file instead of comparing with it. */
    public static final String UPDATE_SNAPSHOTS = Setting.UPDATE_SNAPSHOTS.key();

    private final Supplier<MigrationSettings> settings;
    private Navigator navigator = Navigator.HARD;

    /**
     * Creates the assertion on a snapshot read without a {@link MigrationDatabase}; {@link #matchesSnapshot(Path)}
     * then reads {@code migrationtest.update-snapshots} from this machine's settings. Use
     * {@link MigrationAssertions#assertThat(SchemaSnapshot)} instead.
     */
    public SchemaSnapshotAssert(SchemaSnapshot actual) {
        this(actual, MigrationSettings::load);
    }

    /**
     * Creates the assertion on a snapshot of a database made with {@code settings}, whose
     * {@link MigrationSettings#updateSnapshots()} decides what {@link #matchesSnapshot(Path)} does. Use
     * {@link MigrationAssertions#assertThat(MigrationDatabase)} instead.
     */
    public SchemaSnapshotAssert(SchemaSnapshot actual, MigrationSettings settings) {
        this(actual, () -> settings);
    }

    private SchemaSnapshotAssert(SchemaSnapshot actual, Supplier<MigrationSettings> settings) {
        super(actual, SchemaSnapshotAssert.class);
        this.settings = settings;
    }

    void navigator(Navigator by) {
        this.navigator = by;
    }

    /** The schema (namespace) with this name. */
    public SchemaAssert schema(String name) {
        isNotNull();
        List<Schema> schemas = actual.schemas();
        Lookup<Schema> lookup = schemas.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> Lookup.found("schema", name, s))
                .orElseGet(() -> Lookup.missing("schema", name, "The snapshot's schemas are: "
                        + String.join(", ", actual.schemaNames()) + "."));
        return AbstractSchemaObjectAssert.navigate(navigator, SchemaAssert.class, Schema.class, lookup);
    }

    /** The table with this name, {@code users} or {@code auth.users}. */
    public TableAssert table(String name) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, TableAssert.class, Table.class,
                Names.resolve("table", "tables", "table", name, actual.tables(), Table::name, actual.schemaNames()));
    }

    /** The (plain) view with this name. */
    public ViewAssert view(String name) {
        isNotNull();
        List<View> views = actual.views().stream().filter(v -> !v.materialized()).collect(Collectors.toList());
        return AbstractSchemaObjectAssert.navigate(navigator, ViewAssert.class, View.class,
                Names.resolve("view", "views", "view", name, views, View::name, actual.schemaNames()));
    }

    /** The materialized view with this name. */
    public ViewAssert materializedView(String name) {
        isNotNull();
        List<View> views = actual.views().stream().filter(View::materialized).collect(Collectors.toList());
        return AbstractSchemaObjectAssert.navigate(navigator, ViewAssert.class, View.class,
                Names.resolve("materialized view", "materialized views", "materializedView", name, views, View::name,
                        actual.schemaNames()));
    }

    /** The enum type with this name. */
    public EnumTypeAssert enumType(String name) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, EnumTypeAssert.class, EnumType.class,
                Names.resolve("enum", "enums", "enumType", name, actual.enums(), EnumType::name, actual.schemaNames()));
    }

    /** The domain with this name. */
    public DomainAssert domain(String name) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, DomainAssert.class, Domain.class,
                Names.resolve("domain", "domains", "domain", name, actual.domains(), Domain::name, actual.schemaNames()));
    }

    /** The sequence with this name (sequences of identity columns are part of their column). */
    public SequenceAssert sequence(String name) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, SequenceAssert.class, Sequence.class,
                Names.resolve("sequence", "sequences", "sequence", name, actual.sequences(), Sequence::name,
                        actual.schemaNames()));
    }

    /** The index with this name, of whichever table or materialized view. */
    public IndexAssert index(String name) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, IndexAssert.class, Index.class,
                Names.resolve("index", "indexes", "index", name, actual.indexes(), Index::name, actual.schemaNames()));
    }

    /** The function with this name or signature: {@code touch}, or {@code add(integer, integer)} among overloads. */
    public RoutineAssert function(String nameOrSignature) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, RoutineAssert.class, Routine.class,
                Names.routine("function", nameOrSignature, actual.functions(), actual.schemaNames()));
    }

    /** The procedure with this name or signature. */
    public RoutineAssert procedure(String nameOrSignature) {
        isNotNull();
        return AbstractSchemaObjectAssert.navigate(navigator, RoutineAssert.class, Routine.class,
                Names.routine("procedure", nameOrSignature, actual.procedures(), actual.schemaNames()));
    }

    /** The extension with this name. */
    public ExtensionAssert extension(String name) {
        isNotNull();
        Lookup<Extension> lookup = actual.extension(name).map(e -> Lookup.found("extension", name, e))
                .orElseGet(() -> Lookup.missing("extension", name, "Installed extensions: " + (actual.extensions()
                        .isEmpty() ? "none" : actual.extensions().stream().map(Extension::name)
                        .collect(Collectors.joining(", "))) + "."));
        return AbstractSchemaObjectAssert.navigate(navigator, ExtensionAssert.class, Extension.class, lookup);
    }

    /** The migration history read with the snapshot. */
    public HistoryAssert history() {
        isNotNull();
        return navigator.create(HistoryAssert.class, MigrationHistory.class, actual.history());
    }

    /**
     * Checks that the schema is the same as another one; on failure the message lists the differences and IDEs
     * can show the two canonical texts side by side.
     */
    public SchemaSnapshotAssert hasSameSchemaAs(SchemaSnapshot expected) {
        isNotNull();
        SchemaDiff diff = SchemaDiff.between(expected, actual);
        if (!diff.isEmpty()) {
            throw failureWithActualExpected(actual.canonicalText(), expected.canonicalText(), "%s",
                    SchemaErrors.shouldHaveSameSchema(diff.describe()).text());
        }
        return myself;
    }

    /** Checks that the schema is the same as that of another database, e.g. one migrated another way. */
    public SchemaSnapshotAssert hasSameSchemaAs(MigrationDatabase expected) {
        return hasSameSchemaAs(SchemaSnapshot.of(expected));
    }

    /**
     * Checks that the schema matches a committed snapshot file (its {@linkplain SchemaSnapshot#canonicalText()
     * canonical text}). With {@code migrationtest.update-snapshots=true} in the settings of the database (set on
     * {@code @MigrationTest(properties)}, as {@code -Dmigrationtest.update-snapshots=true} or as the environment
     * variable {@code MIGRATIONTEST_UPDATE_SNAPSHOTS=true}) it writes the file instead, creating directories as
     * needed.
     *
     * @param file the file, e.g. {@code src/test/resources/schema/head.schema}, relative to the working directory
     *     (the module's directory under Maven)
     */
    public SchemaSnapshotAssert matchesSnapshot(Path file) {
        isNotNull();
        String actualText = actual.canonicalText();
        if (SnapshotFiles.writeIfDue(file, actualText, settings.get().updateSnapshots(), SnapshotFiles.Missing.FAIL)) {
            return myself;
        }
        Optional<String> committed = SnapshotFiles.read(file);
        if (committed.isEmpty()) {
            throw assertionError(SchemaErrors.snapshotFileMissing(file.toString()));
        }
        String expectedText = committed.get();
        if (expectedText.replace("\r\n", "\n").equals(actualText)) {
            return myself;
        }
        SchemaDiff diff;
        try {
            diff = SchemaDiff.between(expectedText, actualText);
        } catch (IllegalArgumentException e) {
            throw assertionError(SchemaErrors.snapshotFileUnreadable(file.toString(), e.getMessage()));
        }
        String differences = diff.isEmpty() ? "the same objects, but the file's text is not canonical (edited by hand?)"
                : diff.describe();
        throw failureWithActualExpected(actualText, expectedText, "%s",
                SchemaErrors.shouldMatchSnapshot(file.toString(), differences).text());
    }

    /** Like {@link #matchesSnapshot(Path)}, with the file's path as a string. */
    public SchemaSnapshotAssert matchesSnapshot(String file) {
        return matchesSnapshot(Path.of(file));
    }

    /** Checks that no index is invalid (as a failed {@code CREATE INDEX CONCURRENTLY} leaves one). */
    public SchemaSnapshotAssert hasNoInvalidIndexes() {
        isNotNull();
        List<String> invalid = actual.indexes().stream().filter(i -> !i.valid()).map(Index::name)
                .map(QualifiedName::toString).collect(Collectors.toList());
        if (!invalid.isEmpty()) {
            throw assertionError(SchemaErrors.shouldHaveNoInvalidIndexes(invalid));
        }
        return myself;
    }

}
