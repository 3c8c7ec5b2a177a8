package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;

/**
 * The chain failed while a template was being built, so no test can get a database in that state.
 * The message carries the whole failure.
 */
public final class TemplateBuildException extends MigrationTestException {

    private static final long serialVersionUID = 1L;

    private final transient MigrationResult result;

    TemplateBuildException(MigrationChain chain, Migration target, MigrationResult result) {
        this("The " + chain.description() + " fails on the way to the state after " + target.id()
                + ", so no test can start from that state. The run " + result.describe(), result);
    }

    private TemplateBuildException(String message, MigrationResult result) {
        super(message);
        this.result = result;
    }

    /** The same failure, thrown again for another caller: with the stack of that caller. */
    TemplateBuildException again() {
        return new TemplateBuildException(getMessage(), result);
    }

    /** The failed run. */
    public MigrationResult result() {
        return result;
    }
}
