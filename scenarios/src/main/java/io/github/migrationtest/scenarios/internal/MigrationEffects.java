package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.Routine;
import io.github.migrationtest.assertions.schema.SchemaChange;
import io.github.migrationtest.assertions.schema.SchemaDiff;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.View;
import io.github.migrationtest.core.model.Migration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one migration did to the schema, observed by comparing snapshots of the database before and after
 * it: the objects it added and the changes it made, in the terms broken states need. No SQL is read.
 *
 * @param migration the migration
 * @param changes the changes between the two snapshots, as {@link SchemaDiff} reports them
 * @param newSchemas the schemas it created
 * @param newEnums the enum types it created, with their labels after it
 * @param addedLabels the labels it added to enum types that existed before it
 * @param enumCasts the columns whose type it changed to an enum type
 * @param newTables the tables it created
 * @param newColumns the columns it added to tables that existed before it
 * @param newIndexes the indexes it created (also those of new tables and constraints)
 * @param schemasUsed the schemas, other than {@code public}, of objects it created or changed but did not create
 *     itself
 */
public record MigrationEffects(Migration migration, List<SchemaChange> changes, List<String> newSchemas,
        List<EnumType> newEnums, List<AddedLabel> addedLabels, List<EnumCast> enumCasts, List<Table> newTables,
        List<NewColumn> newColumns, List<Index> newIndexes, List<String> schemasUsed) {

    /** A label added to an existing enum, placed where the migration put it. */
    public record AddedLabel(QualifiedName enumType, String label, Optional<String> before, Optional<String> after) {
    }

    /** A column whose type became an enum. */
    public record EnumCast(QualifiedName table, String column, String typeBefore, EnumType enumType) {
    }

    /** A column added to a table that existed before. */
    public record NewColumn(QualifiedName table, Column column) {
    }

    /** Compares the snapshots before and after the migration. */
    public static MigrationEffects of(Migration migration, SchemaSnapshot before, SchemaSnapshot after) {
        Set<String> schemasBefore = Set.copyOf(before.schemaNames());
        List<String> newSchemas = after.schemaNames().stream().filter(s -> !schemasBefore.contains(s)).toList();
        Map<QualifiedName, EnumType> enumsBefore = byName(before.enums(), EnumType::name);
        Map<QualifiedName, Table> tablesBefore = byName(before.tables(), Table::name);
        List<EnumType> newEnums = new ArrayList<>();
        List<AddedLabel> labels = new ArrayList<>();
        for (EnumType type : after.enums()) {
            EnumType old = enumsBefore.get(type.name());
            if (old == null) {
                newEnums.add(type);
            } else {
                labels.addAll(addedLabels(old, type));
            }
        }
        List<Table> newTables = new ArrayList<>();
        List<NewColumn> newColumns = new ArrayList<>();
        List<EnumCast> casts = new ArrayList<>();
        for (Table table : after.tables()) {
            Table old = tablesBefore.get(table.name());
            if (old == null) {
                newTables.add(table);
                continue;
            }
            for (Column column : table.columns()) {
                Optional<Column> was = old.column(column.name());
                if (was.isEmpty()) {
                    newColumns.add(new NewColumn(table.name(), column));
                } else if (!was.get().type().equals(column.type())) {
                    ColumnType type = ColumnType.of(column.type(), after);
                    if (type.base() == ColumnType.Base.ENUM && !type.array() && type.domain().isEmpty()) {
                        casts.add(new EnumCast(table.name(), column.name(), was.get().type(), type.enumType().get()));
                    }
                }
            }
        }
        Set<QualifiedName> indexesBefore = before.indexes().stream().map(Index::name).collect(Collectors.toSet());
        List<Index> newIndexes = after.indexes().stream().filter(i -> !indexesBefore.contains(i.name())).toList();
        Set<String> used = new LinkedHashSet<>();
        touched(before.tables(), after.tables(), Table::name).forEach(n -> used.add(n.schema()));
        touched(before.enums(), after.enums(), EnumType::name).forEach(n -> used.add(n.schema()));
        touched(before.domains(), after.domains(), d -> d.name()).forEach(n -> used.add(n.schema()));
        touched(before.sequences(), after.sequences(), s -> s.name()).forEach(n -> used.add(n.schema()));
        touched(before.views(), after.views(), View::name).forEach(n -> used.add(n.schema()));
        touched(before.routines(), after.routines(), Routine::name).forEach(n -> used.add(n.schema()));
        used.remove("public");
        used.removeAll(newSchemas);
        return new MigrationEffects(migration, SchemaDiff.between(before, after).changes(), newSchemas, newEnums,
                labels, casts, newTables, newColumns, newIndexes, List.copyOf(used));
    }

    /** Whether the migration created tables, columns, indexes, enums or other objects of its own. */
    public boolean createsObjects() {
        return changes.stream().anyMatch(c -> c.type() == SchemaChange.Type.ADDED);
    }

    private static List<AddedLabel> addedLabels(EnumType old, EnumType type) {
        List<AddedLabel> added = new ArrayList<>();
        List<String> labels = type.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (old.labels().contains(labels.get(i))) {
                continue;
            }
            Optional<String> before = labels.subList(i + 1, labels.size()).stream().filter(old.labels()::contains)
                    .findFirst();
            Optional<String> after = before.isPresent() ? Optional.empty()
                    : labels.subList(0, i).stream().filter(old.labels()::contains).reduce((a, b) -> b);
            added.add(new AddedLabel(type.name(), labels.get(i), before, after));
        }
        return added;
    }

    /** The names of objects that are new, or differ, after the migration. */
    private static <T> List<QualifiedName> touched(List<T> before, List<T> after, Function<T, QualifiedName> name) {
        Set<T> unchanged = Set.copyOf(before);
        return after.stream().filter(o -> !unchanged.contains(o)).map(name).toList();
    }

    private static <T> Map<QualifiedName, T> byName(List<T> objects, Function<T, QualifiedName> name) {
        return objects.stream().collect(Collectors.toMap(name, o -> o, (a, b) -> a));
    }
}
