package io.github.migrationtest.core.model;

/**
 * The configuration asks for something that cannot work: a chain location that does not exist, an
 * engine or provider missing from the class path, an unknown version. Raised before any test runs.
 */
public class MigrationTestConfigurationException extends MigrationTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public MigrationTestConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public MigrationTestConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
