package io.github.migrationtest.assertions.schema;

/** The kind of a table constraint. */
public enum ConstraintType {
    /** {@code PRIMARY KEY}. */
    PRIMARY_KEY("primary key"),
    /** {@code FOREIGN KEY ... REFERENCES}. */
    FOREIGN_KEY("foreign key"),
    /** {@code UNIQUE}. */
    UNIQUE("unique constraint"),
    /** {@code CHECK}. */
    CHECK("check constraint"),
    /** {@code EXCLUDE}. */
    EXCLUSION("exclusion constraint");

    private final String text;

    ConstraintType(String text) {
        this.text = text;
    }

    /** The kind in words, e.g. {@code foreign key}. */
    public String text() {
        return text;
    }
}
