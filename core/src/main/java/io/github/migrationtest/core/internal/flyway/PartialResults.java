package io.github.migrationtest.core.internal.flyway;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The result Flyway attaches to a failed migrate: what the run applied before the failure. Its
 * exception type is internal to Flyway ({@code FlywayMigrateException}, nested in {@code DbMigrate}
 * in Flyway 10.0, on its own from 10.x), so it is reached by name; where a Flyway version has neither,
 * {@link #AVAILABLE} is false and the caller reads the history instead.
 */
final class PartialResults {

    private static final List<String> EXCEPTIONS = List.of(
            "org.flywaydb.core.internal.exception.FlywayMigrateException",
            "org.flywaydb.core.internal.command.DbMigrate$FlywayMigrateException");

    /** Whether this Flyway attaches partial results to its migrate failures. */
    static final boolean AVAILABLE = EXCEPTIONS.stream().anyMatch(PartialResults::carriesResult);

    private PartialResults() {
    }

    /**
     * The partial result of a failed migrate; empty for failures outside the migrations (validation,
     * connection), which applied nothing.
     */
    static Optional<MigrateResult> of(FlywayException e) {
        try {
            Method errorResult = e.getClass().getMethod("getErrorResult");
            return Optional.ofNullable(errorResult.invoke(e)).filter(MigrateResult.class::isInstance)
                    .map(MigrateResult.class::cast);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            return Optional.empty();
        }
    }

    private static boolean carriesResult(String exception) {
        try {
            Class<?> type = Class.forName(exception, false, FlywayException.class.getClassLoader());
            return MigrateResult.class.isAssignableFrom(type.getMethod("getErrorResult").getReturnType());
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
