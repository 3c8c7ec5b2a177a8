package io.github.migrationtest.assertions.schema;

/** What a foreign key does to referencing rows when the referenced row is deleted or updated. */
public enum ForeignKeyAction {
    /** {@code NO ACTION} (the default). */
    NO_ACTION,
    /** {@code RESTRICT}. */
    RESTRICT,
    /** {@code CASCADE}. */
    CASCADE,
    /** {@code SET NULL}. */
    SET_NULL,
    /** {@code SET DEFAULT}. */
    SET_DEFAULT;

    /** The action as SQL writes it, e.g. {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** The action for a {@code pg_constraint.confdeltype} or {@code confupdtype} code. */
    public static ForeignKeyAction ofCode(String code) {
        return switch (code) {
            case "r" -> RESTRICT;
            case "c" -> CASCADE;
            case "n" -> SET_NULL;
            case "d" -> SET_DEFAULT;
            default -> NO_ACTION;
        };
    }
}
