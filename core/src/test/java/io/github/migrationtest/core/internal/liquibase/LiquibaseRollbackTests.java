package io.github.migrationtest.core.internal.liquibase;

import static io.github.migrationtest.core.testing.TestDatabases.columns;
import static io.github.migrationtest.core.testing.TestDatabases.strings;
import static io.github.migrationtest.core.testing.TestDatabases.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiquibaseRollbackTests {

    @ParameterizedTest(name = "changelog.{0}")
    @ValueSource(strings = {"xml", "yaml", "json", "sql"})
    void rollbackRoundTripRemovesObjectsAndHistoryAndReapplies(String format) {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog." + format).build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            // GIVEN the whole chain applied
            chain.migrate(database.dataSource(), Optional.empty());

            // WHEN the last changeset (a sql change with its rollback block) is rolled back
            MigrationResult last = chain.rollbackLast(database.dataSource());

            // THEN its table and its history row are gone
            assertThat(last.succeeded()).as(last.describe()).isTrue();
            assertThat(last.appliedIds()).containsExactly("3-create-orders");
            assertThat(tables(database)).doesNotContain("public.orders");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id)
                    .containsExactly("1-create-users", "2-add-email");

            // WHEN rolled back to the first (addColumn: rolled back by Liquibase itself outside formatted SQL)
            MigrationResult toFirst = chain.rollbackTo(database.dataSource(), "1-create-users");

            assertThat(toFirst.appliedIds()).containsExactly("2-add-email");
            assertThat(columns(database, "public", "users")).containsExactly("id", "name");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id)
                    .containsExactly("1-create-users");

            // THEN the chain applies again
            MigrationResult again = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(again.appliedIds()).containsExactly("2-add-email", "3-create-orders");
            assertThat(columns(database, "public", "users")).containsExactly("id", "name", "email");
            assertThat(tables(database)).contains("public.orders");
        }
    }

    @Test
    void rollingBackToATargetUndoesNewestFirst() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1-create-users");

            assertThat(result.appliedIds()).containsExactly("3-create-orders", "2-add-email");
            assertThat(tables(database)).contains("public.users").doesNotContain("public.orders");
        }
    }

    @Test
    void automaticRollbackUndoesCreateTable() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.of("1-create-users"));

            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(result.appliedIds()).containsExactly("1-create-users");
            assertThat(tables(database)).doesNotContain("public.users");
            assertThat(chain.history(database.dataSource())).isEmpty();
        }
    }

    @ParameterizedTest(name = "changelog.{0}")
    @ValueSource(strings = {"yaml", "sql"})
    void aChangesetWithoutRollbackIsReportedByNameAndNothingIsUndone(String format) {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/norollback/changelog." + format).build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());
            int rowsBefore = chain.history(database.dataSource()).size();

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1-create-users");

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.NO_ROLLBACK);
            assertThat(failure.migration()).map(Migration::id).contains("2-seed-users");
            assertThat(failure.migration()).flatMap(Migration::author).contains("bob");
            assertThat(failure.message()).startsWith("it has no rollback, and Liquibase cannot generate one for a sql"
                    + " change. Add one to the changeset: ");
            assertThat(result.applied()).isEmpty();
            assertThat(chain.history(database.dataSource())).hasSize(rowsBefore);
            assertThat(strings(database, "select count(*) from users")).containsExactly("yaml".equals(format) ? "2" : "1");
        }
    }

    @Test
    void theMissingRollbackMessageShowsTheSyntaxOfTheChangelogsFormat() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/norollback/changelog.sql").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(result.failure().orElseThrow().describe()).isEqualTo("migration 2-seed-users \"sql\" by bob"
                    + " (liquibase/norollback/changelog.sql) cannot be rolled back:\n"
                    + "  it has no rollback, and Liquibase cannot generate one for a sql change. Add one to the"
                    + " changeset: '--rollback <statement>;' lines after its statements, e.g. '--rollback drop table"
                    + " orders;' ('--rollback empty' if there is nothing to undo).");
        }
    }

    @Test
    void anExplicitlyEmptyRollbackIsNotMissing() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/norollback/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(result.appliedIds()).containsExactly("3-explicitly-nothing");
            assertThat(strings(database, "select count(*) from users")).containsExactly("2");
        }
    }

    @Test
    void aFailingRollbackNamesTheChangesetAndTheServersError() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/badrollback/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.SQL_ERROR);
            assertThat(failure.sqlState()).contains("42P01");
            assertThat(failure.migration()).map(Migration::id).contains("1-create-things");
            assertThat(failure.statement()).contains("drop table not_there");
            assertThat(result.applied()).isEmpty();
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id)
                    .containsExactly("1-create-things");
        }
    }

    @Test
    void rollingBackWithNothingAppliedDoesNothing() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(result.succeeded()).isTrue();
            assertThat(result.applied()).isEmpty();
            assertThat(tables(database)).isEmpty();
        }
    }

    @Test
    void rollingBackToAChangesetThatIsNotAppliedIsAnError() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.of("1-create-users"));

            assertThatThrownBy(() -> chain.rollbackTo(database.dataSource(), "2-add-email"))
                    .isInstanceOf(MigrationTestException.class)
                    .hasMessage("Cannot roll back to changeset liquibase/formats/changelog.xml::2-add-email::alice: it"
                            + " is not applied. Applied changesets of the Liquibase chain liquibase/formats/changelog.xml:"
                            + " liquibase/formats/changelog.xml::1-create-users::alice.");
        }
    }

    @Test
    void aMigrationDatabaseRollsBackWithinItsTimeLimit() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.json").build();
        try (MigrationDatabase database = TestDatabases.database(chain, Duration.ofMinutes(1))) {
            database.migrate();

            MigrationResult last = database.rollbackLast();
            MigrationResult toFirst = database.rollbackTo("1-create-users");

            assertThat(last.appliedIds()).containsExactly("3-create-orders");
            assertThat(toFirst.appliedIds()).containsExactly("2-add-email");
            assertThat(database.history()).extracting(HistoryEntry::id).containsExactly("1-create-users");
        }
    }
}
