package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ResultErrors;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the result of a migration run:
 *
 * <pre>{@code
 * assertThat(db.migrate()).succeeded().hasApplied("1", "2", "3");
 * assertThat(db.migrate()).failedAt("3").withSqlState("22P02").withMessageContaining("Fintech ");
 * assertThat(db.migrate()).failedAt("3").hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
 * }</pre>
 */
public class MigrationResultAssert extends AbstractAssert<MigrationResultAssert, MigrationResult> {

    /** Creates the assertion; use {@link MigrationAssertions#assertThat(MigrationResult)} instead. */
    public MigrationResultAssert(MigrationResult actual) {
        super(actual, MigrationResultAssert.class);
    }

    /** Checks that the run completed; on failure the message holds the whole failure (statement, SQLSTATE, detail). */
    public MigrationResultAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            throw assertionError(ResultErrors.shouldSucceed(actual));
        }
        return myself;
    }

    /** Checks that the run failed. */
    public MigrationResultAssert failed() {
        isNotNull();
        if (actual.succeeded()) {
            throw assertionError(ResultErrors.shouldFail(actual));
        }
        return myself;
    }

    /** Checks that the run failed at the migration with this id, e.g. {@code "3"} for {@code V3__...}. */
    public MigrationResultAssert failedAt(String id) {
        isNotNull();
        MigrationFailure failure = actual.failure()
                .orElseThrow(() -> assertionError(ResultErrors.shouldFailAtButSucceeded(id, actual)));
        if (failure.migration().filter(m -> m.id().equals(id)).isEmpty()) {
            throw assertionError(ResultErrors.shouldFailAt(id, failure));
        }
        return myself;
    }

    /** Checks the SQLSTATE of the failure, e.g. {@code 22P02} for a value that is not an enum label. */
    public MigrationResultAssert withSqlState(String sqlState) {
        isNotNull();
        MigrationFailure failure = actual.failure()
                .orElseThrow(() -> assertionError(ResultErrors.shouldFailWithSqlStateButSucceeded(sqlState, actual)));
        if (!failure.sqlState().equals(Optional.of(sqlState))) {
            throw assertionError(ResultErrors.shouldHaveSqlState(sqlState, failure));
        }
        return myself;
    }

    /** Checks that the failure's message (the server's, or the engine's) contains the text. */
    public MigrationResultAssert withMessageContaining(String text) {
        isNotNull();
        MigrationFailure failure = actual.failure()
                .orElseThrow(() -> assertionError(ResultErrors.shouldFailWithMessageButSucceeded(text, actual)));
        if (!failure.message().contains(text) && !failure.engineMessage().contains(text)) {
            throw assertionError(ResultErrors.shouldHaveMessageContaining(text, failure));
        }
        return myself;
    }

    /**
     * Checks that the failure was diagnosed with a known cause, e.g.
     * {@code Diagnosis.VALUES_OUTSIDE_ENUM_LABELS}; the message shows the whole failure otherwise.
     */
    public MigrationResultAssert hasDiagnosis(Diagnosis diagnosis) {
        isNotNull();
        MigrationFailure failure = actual.failure()
                .orElseThrow(() -> assertionError(ResultErrors.shouldHaveDiagnosisButSucceeded(diagnosis, actual)));
        if (!failure.diagnosis().equals(Optional.of(diagnosis))) {
            throw assertionError(ResultErrors.shouldHaveDiagnosis(diagnosis, failure));
        }
        return myself;
    }

    /** Checks the ids of the migrations the run applied, exactly and in order. */
    public MigrationResultAssert hasApplied(String... ids) {
        isNotNull();
        if (!actual.appliedIds().equals(List.of(ids))) {
            throw assertionError(ResultErrors.shouldHaveApplied(List.of(ids), actual));
        }
        return myself;
    }

    /** Checks that the run applied no migration. */
    public MigrationResultAssert appliedNothing() {
        return hasApplied();
    }
}
