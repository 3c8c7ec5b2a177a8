package io.github.migrationtest.core.internal.flyway;

import java.lang.reflect.Method;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The result Flyway attaches to a failed migrate: what the run applied before the failure. Its
 * exception type is internal to Flyway ({@code FlywayMigrateException}), so it is reached by name;
 * where a Flyway version lacks it, {@link #AVAILABLE} is false and the caller reads the history instead.
 */
final class PartialResults {

    private static final String EXCEPTION = "org.flywaydb.core.internal.exception.FlywayMigrateException";
    private static final Method ERROR_RESULT = errorResult();

    /** Whether this Flyway attaches partial results to its migrate failures. */
    static final boolean AVAILABLE = ERROR_RESULT != null;

    private PartialResults() {
    }

    /**
     * The partial result of a failed migrate; empty for failures outside the migrations (validation,
     * connection), which applied nothing.
     */
    static Optional<MigrateResult> of(FlywayException e) {
        if (ERROR_RESULT == null || !ERROR_RESULT.getDeclaringClass().isInstance(e)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ERROR_RESULT.invoke(e)).filter(MigrateResult.class::isInstance)
                    .map(MigrateResult.class::cast);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            return Optional.empty();
        }
    }

    private static Method errorResult() {
        try {
            Class<?> type = Class.forName(EXCEPTION, false, FlywayException.class.getClassLoader());
            Method method = type.getMethod("getErrorResult");
            return MigrateResult.class.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
