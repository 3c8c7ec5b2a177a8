package io.github.migrationtest.core.internal.config;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;

/** A setting has a value that cannot be used; the message names the key, the value and what is accepted. */
public final class InvalidSettingException extends MigrationTestConfigurationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param setting the setting
     * @param value the value found
     * @param accepted what would have been accepted, in words
     */
    public InvalidSettingException(Setting setting, String value, String accepted) {
        super(setting.key() + " is '" + value + "', but must be " + accepted + ". Set it with -D" + setting.key()
                + "=..., the environment variable " + setting.environmentVariable() + ", "
                + Configuration.PROPERTIES_FILE + " or the @MigrationTest attribute.");
    }
}
