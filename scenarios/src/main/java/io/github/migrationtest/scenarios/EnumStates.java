package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import io.github.migrationtest.scenarios.BrokenState.Kind;
import io.github.migrationtest.scenarios.internal.ColumnType;
import io.github.migrationtest.scenarios.internal.MigrationEffects;
import io.github.migrationtest.scenarios.internal.RowFiller;
import io.github.migrationtest.scenarios.internal.Sql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The broken states of enum types: created but unrecorded, values outside the labels, a label already present;
 * {@link BrokenStates} documents them.
 */
final class EnumStates {

    private EnumStates() {
    }

    // See BrokenStates.enumCreatedButUnrecorded.
    static BrokenState enumCreatedButUnrecorded(String migrationId) {
        return BrokenState.of(Kind.ENUM_CREATED_BUT_UNRECORDED, "enum created but unrecorded: " + migrationId,
                "creates the enum types migration " + migrationId + " creates, with their labels; the migration stays"
                        + " unrecorded", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "enumCreatedButUnrecorded");
                    List<EnumType> enums = StateSupport.observe(db).effects(migration).newEnums();
                    if (enums.isEmpty()) {
                        throw new MigrationTestException("enumCreatedButUnrecorded(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " creates no enum type. Name the type and its labels"
                                + " instead: enumCreatedButUnrecorded(\"<type>\", List.of(\"<label>\", ...)).");
                    }
                    for (EnumType type : enums) {
                        createEnum(db, Sql.readable(type.name()), type.labels());
                    }
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.enumCreatedButUnrecorded.
    static BrokenState enumCreatedButUnrecorded(String type, List<String> labels) {
        List<String> copy = List.copyOf(labels);
        return BrokenState.of(Kind.ENUM_CREATED_BUT_UNRECORDED, "enum created but unrecorded: " + type,
                "creates enum " + type + " (" + Sql.literals(copy) + ")", db -> {
                    createEnum(db, type, copy);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.valuesOutsideEnum.
    static BrokenState valuesOutsideEnum(String table, String column, String value, String... more) {
        List<String> values = Stream.concat(Stream.of(value), Arrays.stream(more)).toList();
        return BrokenState.of(Kind.VALUES_OUTSIDE_ENUM, "values outside enum labels: " + table + "." + column,
                "inserts rows into " + table + " with " + column + " = " + Sql.literals(values), db -> {
                    insertValues(db, table, column, values);
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.valuesOutsideEnum.
    static BrokenState valuesOutsideEnum(String migrationId) {
        return BrokenState.of(Kind.VALUES_OUTSIDE_ENUM, "values outside enum labels: " + migrationId,
                "inserts rows whose values are not labels into the columns migration " + migrationId
                        + " casts to an enum", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "valuesOutsideEnum");
                    List<MigrationEffects.EnumCast> casts = StateSupport.observe(db).effects(migration).enumCasts();
                    if (casts.isEmpty()) {
                        throw new MigrationTestException("valuesOutsideEnum(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " changes no column's type to an enum type.");
                    }
                    for (MigrationEffects.EnumCast cast : casts) {
                        insertValues(db, cast.table().toString(), cast.column(), outsideLabels(cast.enumType().labels()));
                    }
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.enumLabelAlreadyPresent.
    static BrokenState enumLabelAlreadyPresent(String type, String label) {
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + type + "." + label,
                "adds label " + Sql.literal(label) + " to enum " + type, db -> {
                    db.execute("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + Sql.literal(label));
                    return Seeded.NOTHING;
                });
    }

    // See BrokenStates.enumLabelAlreadyPresent.
    static BrokenState enumLabelAlreadyPresent(String migrationId) {
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + migrationId,
                "adds the labels migration " + migrationId + " adds", db -> {
                    Migration migration = StateSupport.unrecorded(db, migrationId, "enumLabelAlreadyPresent");
                    List<MigrationEffects.AddedLabel> labels = StateSupport.observe(db).effects(migration).addedLabels();
                    if (labels.isEmpty()) {
                        throw new MigrationTestException("enumLabelAlreadyPresent(\"" + migrationId + "\"): migration "
                                + migration.displayName() + " adds no label to an enum type that exists before it.");
                    }
                    labels.forEach(label -> db.execute(addLabel(label)));
                    return Seeded.NOTHING;
                });
    }

    /** A label migration discovery found a migration adds, placed where the migration puts it. */
    static BrokenState enumLabelAlreadyPresent(MigrationEffects.AddedLabel label) {
        String type = Sql.readable(label.enumType());
        return BrokenState.of(Kind.ENUM_LABEL_PRESENT, "enum label already present: " + type + "." + label.label(),
                "adds label " + Sql.literal(label.label()) + " to enum " + type, db -> {
                    db.execute(addLabel(label));
                    return Seeded.NOTHING;
                });
    }

    static void createEnum(MigrationDatabase db, String type, List<String> labels) {
        if (db.query("SELECT to_regtype(?) IS NOT NULL AS present", type).get(0).get("present").equals(Boolean.TRUE)) {
            throw new MigrationTestException("Cannot create enum " + type + " in " + db.name() + ": a type of that name"
                    + " exists already.");
        }
        db.execute("CREATE TYPE " + type + " AS ENUM (" + Sql.literals(labels) + ")");
    }

    static void insertValues(MigrationDatabase db, String table, String column, List<String> values) {
        RowFiller filler = new RowFiller(db);
        Optional<Table> found = filler.schema().table(table);
        Optional<Column> target = found.flatMap(t -> t.column(column));
        if (target.isPresent() && filler.type(target.get()).base() == ColumnType.Base.ENUM) {
            throw new MigrationTestException("Cannot store values outside the enum's labels in " + found.get().name()
                    + "." + column + ": the column is of enum type " + target.get().type() + " already. Seed the state"
                    + " before the migration that casts it.");
        }
        for (String value : values) {
            filler.insert(table, Map.of(column, value));
        }
    }

    /** Values legacy data holds where an enum is expected: a catch-all and a label in another case with a blank. */
    static List<String> outsideLabels(List<String> labels) {
        List<String> values = new ArrayList<>();
        values.add("default");
        if (!labels.isEmpty()) {
            String label = labels.get(0);
            values.add(label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + " ");
        }
        return values.stream().filter(v -> !labels.contains(v)).distinct().toList();
    }

    static String addLabel(MigrationEffects.AddedLabel label) {
        return "ALTER TYPE " + Sql.readable(label.enumType()) + " ADD VALUE IF NOT EXISTS " + Sql.literal(label.label())
                + label.before().map(b -> " BEFORE " + Sql.literal(b)).orElse("")
                + label.after().map(a -> " AFTER " + Sql.literal(a)).orElse("");
    }
}
