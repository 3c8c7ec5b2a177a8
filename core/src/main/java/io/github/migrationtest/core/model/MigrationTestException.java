package io.github.migrationtest.core.model;

/** Something migrationtest could not do; the message says what, why, and what to do about it. */
public class MigrationTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, the likely cause and the fix
     */
    public MigrationTestException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed, the likely cause and the fix
     * @param cause the underlying failure
     */
    public MigrationTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
