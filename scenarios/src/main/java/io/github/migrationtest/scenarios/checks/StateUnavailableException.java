package io.github.migrationtest.scenarios.checks;

import io.github.migrationtest.core.model.MigrationTestException;

/**
 * A check could not run because the state it starts from cannot be built, for a cause an earlier check
 * of the same {@link ChainChecks} already reported in full. The message is one line that names the cause
 * and the check that reported it; the suite reports such checks as aborted, not failed: one cause, one
 * failure.
 */
public final class StateUnavailableException extends MigrationTestException {

    private static final long serialVersionUID = 1L;

    StateUnavailableException(String message) {
        super(message);
    }
}
