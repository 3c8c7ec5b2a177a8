package io.github.migrationtest.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every broken state carries, how states compose, and how what they keep open ends. */
class BrokenStateTests {

    @Test
    void everyKindOfTheCatalogTellsItsIncidentItsRemedyAndItsDiagnosis() {
        for (BrokenState.Kind kind : BrokenState.Kind.values()) {
            assertThat(kind.incident()).as(kind.name()).isNotBlank();
            assertThat(kind.resilience()).as(kind.name()).isNotBlank();
            if (kind == BrokenState.Kind.COMBINED) {
                assertThat(kind.diagnosis()).isEmpty();
            } else {
                assertThat(kind.diagnosis()).as(kind.name()).isPresent();
            }
        }
        assertThat(Arrays.stream(BrokenState.Kind.values()).map(k -> k.diagnosis().orElse(null)))
                .contains(Diagnosis.OBJECT_EXISTS_UNRECORDED, Diagnosis.VALUES_OUTSIDE_ENUM_LABELS,
                        Diagnosis.MISSING_SCHEMA, Diagnosis.FAILED_MIGRATION_RECORDED,
                        Diagnosis.APPLIED_MIGRATION_MISSING, Diagnosis.CHECKSUM_MISMATCH,
                        Diagnosis.INVALID_INDEX_EXISTS, Diagnosis.ENUM_LABEL_EXISTS, Diagnosis.MIGRATION_LOCK_HELD);
    }

    @Test
    void composedStatesApplyInOrderAndNameTheirParts() {
        BrokenState partial = BrokenStates.partiallyApplied("2", 1);
        BrokenState failed = BrokenStates.failedMigrationRecorded("2");
        BrokenState lock = BrokenStates.stuckMigrationLock();

        BrokenState combined = partial.and(failed).and(lock);

        assertThat(combined.kind()).isEqualTo(BrokenState.Kind.COMBINED);
        assertThat(combined.parts()).containsExactly(partial, failed, lock);
        assertThat(combined.name()).isEqualTo("partially applied: 2, first 1 statement(s) + failed migration recorded: 2"
                + " + stuck migration lock");
        assertThat(combined.diagnosis()).contains(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        assertThat(partial.parts()).containsExactly(partial);
    }

    @Test
    void aComposedStateClosesWhatItsPartsKeepOpenInReverseOrder() {
        List<String> closed = new ArrayList<>();
        BrokenState first = BrokenState.of(BrokenState.Kind.MIGRATION_LOCK_HELD, "first", "keeps a session", db ->
                () -> closed.add("first"));
        BrokenState second = BrokenState.of(BrokenState.Kind.MIGRATION_LOCK_HELD, "second", "keeps a session", db ->
                () -> closed.add("second"));
        try (MigrationDatabase db = Databases.empty(Databases.chain("analytics-enum", "original"))) {
            Seeded seeded = db.seed(first.and(second));

            seeded.close();

            assertThat(closed).containsExactly("second", "first");
        }
    }

    @Test
    void closingTheDatabaseClosesWhatItsStatesKeepOpen() {
        List<String> closed = new ArrayList<>();
        MigrationDatabase db = Databases.empty(Databases.chain("analytics-enum", "original"));
        db.seed(BrokenState.of(BrokenState.Kind.MIGRATION_LOCK_HELD, "session", "keeps a session", d -> () ->
                closed.add("session")));

        db.close();

        assertThat(closed).containsExactly("session");
    }

    @Test
    void aPartThatFailsEndsWhatTheEarlierPartsKeepOpen() {
        List<String> closed = new ArrayList<>();
        BrokenState opens = BrokenState.of(BrokenState.Kind.MIGRATION_LOCK_HELD, "opens", "keeps a session", db ->
                () -> closed.add("opens"));
        try (MigrationDatabase db = Databases.empty(Databases.chain("analytics-enum", "original"))) {
            Throwable thrown = catchThrowable(() -> db.seed(opens.and(BrokenStates.checksumMismatch("7"))));

            assertThat(thrown).isInstanceOf(MigrationTestException.class).hasMessage("The Flyway chain"
                    + " classpath:states/analytics-enum/original has no migration '7'. Its migrations are: 1, 2.");
            assertThat(closed).containsExactly("opens");
        }
    }
}
