package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ListErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Constraint;
import io.github.migrationtest.assertions.schema.ConstraintType;
import io.github.migrationtest.assertions.schema.ForeignKey;
import io.github.migrationtest.assertions.schema.ForeignKeyAction;
import java.util.List;
import java.util.Optional;

/**
 * Assertions on a table constraint: {@code table("orders").foreignKeyOn("user_id").references("auth.users", "id")
 * .hasOnDelete(ForeignKeyAction.CASCADE).isDeferrable()}.
 */
public class ConstraintAssert extends AbstractSchemaObjectAssert<ConstraintAssert, Constraint> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public ConstraintAssert(Constraint actual) {
        super(actual, ConstraintAssert.class);
    }

    @Override
    protected Lookup<Constraint> lookupOf(Constraint object) {
        return Lookup.found("constraint", object.table() + "." + object.name(), object);
    }

    @Override
    protected Optional<String> commentOf(Constraint object) {
        return object.comment();
    }

    /** Checks the kind of constraint. */
    public ConstraintAssert isOfType(ConstraintType expected) {
        ConstraintType type = existing().type();
        checkState(type == expected, "a " + expected.text(), "a " + type.text());
        return myself;
    }

    /** Checks that this is a primary key. */
    public ConstraintAssert isPrimaryKey() {
        return isOfType(ConstraintType.PRIMARY_KEY);
    }

    /** Checks that this is a foreign key. */
    public ConstraintAssert isForeignKey() {
        return isOfType(ConstraintType.FOREIGN_KEY);
    }

    /** Checks that this is a unique constraint. */
    public ConstraintAssert isUnique() {
        return isOfType(ConstraintType.UNIQUE);
    }

    /** Checks that this is a check constraint. */
    public ConstraintAssert isCheck() {
        return isOfType(ConstraintType.CHECK);
    }

    /** Checks that this is an exclusion constraint. */
    public ConstraintAssert isExclusion() {
        return isOfType(ConstraintType.EXCLUSION);
    }

    /** Checks the constrained columns, exactly and in order. */
    public ConstraintAssert hasColumns(String... expected) {
        List<String> columns = existing().columns();
        if (!columns.equals(List.of(expected))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "columns", List.of(expected), columns));
        }
        return myself;
    }

    /**
     * Checks what a foreign key references: the table ({@code users} in public, or {@code auth.users}) and, if
     * given, the columns in order.
     */
    public ConstraintAssert references(String table, String... columns) {
        ForeignKey foreignKey = foreignKey();
        String expected = table.contains(".") ? table : "public." + table;
        check("referenced table", expected, foreignKey.referencedTable().toString());
        if (columns.length > 0 && !foreignKey.referencedColumns().equals(List.of(columns))) {
            throw assertionError(ListErrors.shouldHaveExactly(subject(), "referenced columns", List.of(columns),
                    foreignKey.referencedColumns()));
        }
        return myself;
    }

    /** Checks what a foreign key does when the referenced row is deleted. */
    public ConstraintAssert hasOnDelete(ForeignKeyAction expected) {
        check("ON DELETE action", expected.sql(), foreignKey().onDelete().sql());
        return myself;
    }

    /** Checks what a foreign key does when the referenced key is updated. */
    public ConstraintAssert hasOnUpdate(ForeignKeyAction expected) {
        check("ON UPDATE action", expected.sql(), foreignKey().onUpdate().sql());
        return myself;
    }

    /** Checks that the constraint is DEFERRABLE. */
    public ConstraintAssert isDeferrable() {
        checkState(existing().deferrable(), "deferrable", "not deferrable");
        return myself;
    }

    /** Checks that the constraint is not DEFERRABLE. */
    public ConstraintAssert isNotDeferrable() {
        checkState(!existing().deferrable(), "not deferrable", "deferrable");
        return myself;
    }

    /** Checks that the constraint is INITIALLY DEFERRED. */
    public ConstraintAssert isInitiallyDeferred() {
        checkState(existing().initiallyDeferred(), "initially deferred", "initially immediate");
        return myself;
    }

    /** Checks that the constraint is validated. */
    public ConstraintAssert isValidated() {
        checkState(existing().validated(), "validated", "NOT VALID (existing rows were never checked)",
                Optional.of("Validate it with ALTER TABLE " + existing().table() + " VALIDATE CONSTRAINT "
                        + existing().name() + ";"));
        return myself;
    }

    /** Checks that the constraint is NOT VALID (added without checking existing rows). */
    public ConstraintAssert isNotValidated() {
        checkState(!existing().validated(), "NOT VALID", "validated");
        return myself;
    }

    /** Checks the definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK (quantity > 0)}. */
    public ConstraintAssert hasDefinition(String expected) {
        check("definition", expected, existing().definition());
        return myself;
    }

    /** Checks that the definition contains the text. */
    public ConstraintAssert hasDefinitionContaining(String text) {
        checkContains("a definition", text, existing().definition());
        return myself;
    }

    private ForeignKey foreignKey() {
        isForeignKey();
        return existing().foreignKey().orElseThrow();
    }
}
