package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ListErrors;
import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Column;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.ConstraintType;
import io.github.migrationtest.assertions.schema.Index;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.assertions.schema.TableKind;
import io.github.migrationtest.assertions.schema.Trigger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on a table, and the way to its columns, constraints, indexes and triggers:
 * {@code table("auth.users").column("email").isNotNullable()}.
 */
public class TableAssert extends AbstractSchemaObjectAssert<TableAssert, Table> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public TableAssert(Table actual) {
        super(actual, TableAssert.class);
    }

    @Override
    protected Lookup<Table> lookupOf(Table object) {
        return Lookup.found("table", object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(Table object) {
        return object.comment();
    }

    /** The column with this name. */
    public ColumnAssert column(String name) {
        return navigate(ColumnAssert.class, Column.class,
                member("column", "columns", name() + "." + name, Table::columns, Column::name, name));
    }

    /** The constraint (of any kind) with this name. */
    public ConstraintAssert constraint(String name) {
        return navigate(ConstraintAssert.class, Constraint.class,
                member("constraint", "constraints", name() + "." + name, Table::constraints, Constraint::name, name));
    }

    /** The foreign key with this name. */
    public ConstraintAssert foreignKey(String name) {
        return navigate(ConstraintAssert.class, Constraint.class, member("foreign key", "foreign keys",
                name() + "." + name, t -> t.constraints(ConstraintType.FOREIGN_KEY), Constraint::name, name));
    }

    /** The foreign key on exactly these columns, whatever its (often generated) name. */
    public ConstraintAssert foreignKeyOn(String... columns) {
        String key = String.join(", ", columns);
        Lookup<Constraint> byColumns = member("foreign key", "foreign keys", name() + "(" + key + ")",
                t -> t.constraints(ConstraintType.FOREIGN_KEY), c -> String.join(", ", c.columns()), key);
        return navigate(ConstraintAssert.class, Constraint.class, byColumns.value()
                .map(c -> Lookup.found("foreign key", name() + "." + c.name(), c)).orElse(byColumns));
    }

    /** The check constraint with this name. */
    public ConstraintAssert check(String name) {
        return navigate(ConstraintAssert.class, Constraint.class, member("check constraint", "check constraints",
                name() + "." + name, t -> t.constraints(ConstraintType.CHECK), Constraint::name, name));
    }

    /** The primary key. */
    public ConstraintAssert primaryKey() {
        return navigate(ConstraintAssert.class, Constraint.class, member("primary key of", "primary keys",
                name(), t -> t.constraints(ConstraintType.PRIMARY_KEY), c -> "", ""));
    }

    /** The index of this table with this (unqualified) name. */
    public IndexAssert index(String name) {
        String schema = name().substring(0, name().indexOf('.') + 1);
        return navigate(IndexAssert.class, Index.class,
                member("index", "indexes", schema + name, Table::indexes, i -> i.name().name(), name));
    }

    /** The trigger with this name. */
    public TriggerAssert trigger(String name) {
        return navigate(TriggerAssert.class, Trigger.class,
                member("trigger", "triggers", name() + "." + name, Table::triggers, Trigger::name, name));
    }

    /** Checks the column names, exactly and in order. */
    public TableAssert hasColumns(String... expected) {
        List<String> columns = existing().columnNames();
        if (!columns.equals(List.of(expected))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "columns", List.of(expected), columns));
        }
        return myself;
    }

    /** Checks that the table has these columns, in any order, among others. */
    public TableAssert containsColumns(String... expected) {
        List<String> columns = existing().columnNames();
        if (!columns.containsAll(List.of(expected))) {
            throw assertionError(ListErrors.shouldContain(subject(), "columns", List.of(expected), columns));
        }
        return myself;
    }

    /** Checks that the table is partitioned. */
    public TableAssert isPartitioned() {
        checkState(existing().kind() == TableKind.PARTITIONED_TABLE, "partitioned", "not partitioned");
        return myself;
    }

    /** Checks that the table is a partition of this parent, {@code measurements} (in public) or qualified. */
    public TableAssert isPartitionOf(String parent) {
        String expected = parent.contains(".") ? parent : "public." + parent;
        Optional<String> actualParent = existing().partitionOf().map(Object::toString);
        if (actualParent.isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldHaveButHadNone(subject(), "partition parent", expected));
        }
        check("partition parent", expected, actualParent.get());
        return myself;
    }

    /** Checks that the table has a foreign key to this table ({@code users} in public, or qualified). */
    public TableAssert hasForeignKeyTo(String table) {
        String expected = table.contains(".") ? table : "public." + table;
        List<String> targets = existing().constraints(ConstraintType.FOREIGN_KEY).stream()
                .map(c -> c.foreignKey().orElseThrow().referencedTable().toString()).collect(Collectors.toList());
        if (!targets.contains(expected)) {
            throw assertionError(SchemaObjectErrors.shouldHave(subject(), "a foreign key to", expected,
                    targets.isEmpty() ? "no foreign keys" : "foreign keys to " + String.join(", ", targets)));
        }
        return myself;
    }
}
