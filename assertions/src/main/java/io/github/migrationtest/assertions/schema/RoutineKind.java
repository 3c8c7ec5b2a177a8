package io.github.migrationtest.assertions.schema;

/** What kind of routine a {@link Routine} is ({@code pg_proc.prokind}). */
public enum RoutineKind {
    /** A function. */
    FUNCTION("function"),
    /** A procedure (called with {@code CALL}, no return type). */
    PROCEDURE("procedure"),
    /** An aggregate function. */
    AGGREGATE("aggregate"),
    /** A window function. */
    WINDOW("window function");

    private final String text;

    RoutineKind(String text) {
        this.text = text;
    }

    /** The kind in words, e.g. {@code procedure}. */
    public String text() {
        return text;
    }

    /** The kind for a {@code pg_proc.prokind} code. */
    public static RoutineKind ofCode(String code) {
        return switch (code) {
            case "p" -> PROCEDURE;
            case "a" -> AGGREGATE;
            case "w" -> WINDOW;
            default -> FUNCTION;
        };
    }
}
