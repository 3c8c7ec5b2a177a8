package io.github.migrationtest.assertions.error;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;

/** Messages about the result of a migration run. */
public final class ResultErrors {

    private ResultErrors() {
    }

    /**
     * <pre>
     * Expecting the migration run to succeed, but it applied [1, 2], then migration 3 "cast industry" (V3__cast_industry.sql) failed:
     *   ERROR 22P02: invalid input value for enum industry: "Fintech "
     *   statement: ...
     * </pre>
     */
    public static Message shouldSucceed(MigrationResult result) {
        return Message.of("Expecting the migration run to succeed, but it " + result.describe());
    }

    /** {@code Expecting the migration run to fail, but it succeeded and applied [1, 2].} */
    public static Message shouldFail(MigrationResult result) {
        return Message.of("Expecting the migration run to fail, but it succeeded and " + applied(result) + ".");
    }

    /** {@code Expecting the migration run to fail at migration 3, but it succeeded and applied [1, 2, 3].} */
    public static Message shouldFailAtButSucceeded(String id, MigrationResult result) {
        return Message.of("Expecting the migration run to fail at migration " + id + ", but it succeeded and "
                + applied(result) + ".");
    }

    /** The run failed, but at another migration (or before any). */
    public static Message shouldFailAt(String id, MigrationFailure failure) {
        String where = failure.migration().map(m -> "at migration " + m.id()).orElse("before reaching any migration");
        return Message.of("Expecting the migration run to fail at migration " + id + ", but it failed " + where
                + " instead:\n" + SchemaObjectErrors.indent(failure.describe()));
    }

    /** The run did not fail, so it has no SQLSTATE. */
    public static Message shouldFailWithSqlStateButSucceeded(String sqlState, MigrationResult result) {
        return Message.of("Expecting the migration run to fail with SQLSTATE " + sqlState + ", but it succeeded and "
                + applied(result) + ".");
    }

    /** The failure has another SQLSTATE, or none. */
    public static Message shouldHaveSqlState(String sqlState, MigrationFailure failure) {
        return Message.of("Expecting the failure to have SQLSTATE " + sqlState + ", but it had "
                + failure.sqlState().orElse("none") + ":\n" + SchemaObjectErrors.indent(failure.describe()));
    }

    /** The failure's message does not contain the text. */
    public static Message shouldHaveMessageContaining(String text, MigrationFailure failure) {
        return Message.of("Expecting the failure's message to contain:\n  " + text + "\nbut the failure was:\n"
                + SchemaObjectErrors.indent(failure.describe()));
    }

    /** The run did not fail, so it has no diagnosis. */
    public static Message shouldHaveDiagnosisButSucceeded(Diagnosis diagnosis, MigrationResult result) {
        return Message.of("Expecting the migration run to fail with diagnosis " + diagnosis + ", but it succeeded and "
                + applied(result) + ".");
    }

    /** The failure has another diagnosis, or none. */
    public static Message shouldHaveDiagnosis(Diagnosis diagnosis, MigrationFailure failure) {
        return Message.of("Expecting the failure to have diagnosis " + diagnosis + ", but it had "
                + failure.diagnosis().map(Diagnosis::name).orElse("none") + ":\n"
                + SchemaObjectErrors.indent(failure.describe()));
    }

    /** The run did not fail, so it has no message. */
    public static Message shouldFailWithMessageButSucceeded(String text, MigrationResult result) {
        return Message.of("Expecting the migration run to fail with a message containing \"" + text
                + "\", but it succeeded and " + applied(result) + ".");
    }

    /**
     * <pre>
     * Expecting the migration run to have applied (in order):
     *   [1, 2, 3]
     * but it applied:
     *   [1, 2]
     * missing: [3]
     * </pre>
     * followed by the failure, if the run failed.
     */
    public static Message shouldHaveApplied(List<String> expected, MigrationResult result) {
        return Message.of("Expecting the migration run to have applied (in order):\n  " + expected
                + "\nbut it applied:\n  " + result.appliedIds() + ListErrors.difference(expected, result.appliedIds())
                + result.failure().map(f -> "\nand then " + f.describe()).orElse(""));
    }

    private static String applied(MigrationResult result) {
        return result.applied().isEmpty() ? "applied nothing" : "applied " + result.appliedIds();
    }
}
