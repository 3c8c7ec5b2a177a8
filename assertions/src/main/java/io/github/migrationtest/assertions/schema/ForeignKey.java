package io.github.migrationtest.assertions.schema;

import java.util.List;
import java.util.Objects;

/**
 * What a foreign key references and what it does on delete and update.
 *
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in key order
 * @param onDelete the action on delete of a referenced row
 * @param onUpdate the action on update of a referenced key
 */
public record ForeignKey(QualifiedName referencedTable, List<String> referencedColumns, ForeignKeyAction onDelete,
        ForeignKeyAction onUpdate) {

    /** Validates and copies the components. */
    public ForeignKey {
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }
}
