package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import org.junit.jupiter.api.Test;

/** Fixtures for {@link StartFromTests}: a dump made by pg_dump 15.18 of a database with V1 and V2 applied. */
class StartFromTestCases {

    @MigrationTest(flyway = "classpath:dumps/chain", provider = "embedded",
            startFrom = {"classpath:dumps/pg15/schema.sql", "classpath:dumps/pg15/history.sql"})
    static class ClassStartsFromADump {
        @Test
        void aPlainDatabaseIsTheDump(MigrationDatabase db) {
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2");
            assertThat(db.migrate().applied()).extracting(Migration::id).containsExactly("3");
        }

        @Test
        void migratedIsTheChainAppliedOnTheDump(@Migrated MigrationDatabase db) {
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
            assertThat(db.query("select count(*) as n from pg_indexes where indexname = 'customers_created'").get(0))
                    .containsEntry("n", 1L);
        }

        @Test
        void parametersAskingForTheSameStateShareADatabase(MigrationDatabase a, MigrationDatabase b) {
            assertThat(a.name()).isEqualTo(b.name());
        }
    }

    @MigrationTest(flyway = "classpath:dumps/chain", provider = "embedded")
    static class ParameterStartsFromADump {
        @Test
        void onlyTheAnnotatedParameterStartsFromTheDump(
                @StartFrom({"classpath:dumps/pg15/schema.sql", "classpath:dumps/pg15/history.sql"})
                MigrationDatabase production, MigrationDatabase empty) {
            assertThat(production.history()).hasSize(2);
            assertThat(empty.history()).isEmpty();
            assertThat(empty.migrate().applied()).hasSize(3);
        }
    }

    @MigrationTest(flyway = "classpath:dumps/chain", provider = "embedded", startFrom = "classpath:dumps/missing.sql")
    static class DumpIsMissing {
        @Test
        void neverRuns(MigrationDatabase db) {
            throw new AssertionError("the class is misconfigured");
        }
    }
}
