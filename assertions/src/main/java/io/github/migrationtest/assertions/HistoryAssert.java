package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ListErrors;
import io.github.migrationtest.assertions.schema.MigrationHistory;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the migration history table:
 * {@code assertThatHistory(db).hasIds("1", "2", "3").hasNoFailedMigrations()}.
 */
public class HistoryAssert extends AbstractAssert<HistoryAssert, MigrationHistory> {

    private static final String SUBJECT = "the migration history";

    /** Creates the assertion; use {@link MigrationAssertions} instead. */
    public HistoryAssert(MigrationHistory actual) {
        super(actual, HistoryAssert.class);
    }

    /** Checks the ids of all entries, exactly and in order of execution. */
    public HistoryAssert hasIds(String... ids) {
        isNotNull();
        if (!actual.ids().equals(List.of(ids))) {
            throw assertionError(ListErrors.shouldHaveExactly(SUBJECT, "entries", List.of(ids), actual.ids()));
        }
        return myself;
    }

    /** Checks that the history records these ids, in any order, among others. */
    public HistoryAssert containsIds(String... ids) {
        isNotNull();
        if (!actual.ids().containsAll(List.of(ids))) {
            throw assertionError(ListErrors.shouldContain(SUBJECT, "entries", List.of(ids), actual.ids()));
        }
        return myself;
    }

    /** Checks that the history records none of these ids. */
    public HistoryAssert doesNotContainIds(String... ids) {
        isNotNull();
        List<String> found = new ArrayList<>(List.of(ids));
        found.retainAll(actual.ids());
        if (!found.isEmpty()) {
            throw assertionError(ListErrors.shouldNotContain(SUBJECT, "entries", List.of(ids), actual.ids()));
        }
        return myself;
    }

    /** Checks that no entry is recorded as failed. */
    public HistoryAssert hasNoFailedMigrations() {
        isNotNull();
        if (!actual.failedIds().isEmpty()) {
            throw assertionError(ListErrors.shouldNotContain(SUBJECT, "failed entries", actual.failedIds(),
                    actual.failedIds()));
        }
        return myself;
    }

    /** Checks that the history is empty (no history table, or no rows). */
    public HistoryAssert isEmpty() {
        return hasIds();
    }
}
