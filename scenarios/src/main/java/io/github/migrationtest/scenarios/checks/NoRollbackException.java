package io.github.migrationtest.scenarios.checks;

/**
 * The engine has no rollback for a migration (no undo script, no rollback block), so its round trip
 * cannot be checked. A test framework reports the check as skipped with this message, not as passed.
 */
public final class NoRollbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which migration has no rollback and how to add one
     */
    public NoRollbackException(String message) {
        super(message);
    }
}
