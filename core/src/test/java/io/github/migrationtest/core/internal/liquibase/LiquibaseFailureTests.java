package io.github.migrationtest.core.internal.liquibase;

import static io.github.migrationtest.core.testing.TestDatabases.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseFailureTests {

    @BeforeAll
    static void quiet() {
        TestDatabases.quietLiquibase();
    }

    @Test
    void aFailingChangesetIsNamedWithAuthorFileSqlStateAndStatement() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/failing/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.appliedIds()).containsExactly("1");
            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.SQL_ERROR);
            assertThat(failure.migration()).map(Migration::id).contains("2-users-again");
            assertThat(failure.migration()).flatMap(Migration::author).contains("carol");
            assertThat(failure.migration()).map(Migration::script).contains("liquibase/failing/failing.sql");
            assertThat(failure.sqlState()).contains("42P07");
            assertThat(failure.message()).isEqualTo("relation \"users\" already exists");
            assertThat(failure.statement()).contains("create table users (id bigint primary key)");
            assertThat(failure.describe()).isEqualTo("migration 2-users-again \"sql\" by carol"
                    + " (liquibase/failing/failing.sql) failed:\n"
                    + "  ERROR 42P07: relation \"users\" already exists\n"
                    + "  statement: create table users (id bigint primary key)");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1");
            assertThat(tables(database)).doesNotContain("public.never_created");
        }
    }

    @Test
    void aChangesetThatExceedsTheTimeLimitIsCancelledAndItsConnectionsClosed() throws SQLException {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.yaml").build();
        MigrationDatabase database = TestDatabases.database(chain, Duration.ofSeconds(2));
        chain.migrate(database.dataSource(), Optional.of("1-create-users"));
        try (database; Connection blocker = database.connect()) {
            // GIVEN another session holding a lock that 2-add-email (alter table users) waits for
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table users in access share mode");
            }

            MigrationResult result = database.migrate();
            blocker.rollback();

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.TIMEOUT);
            assertThat(failure.describe()).contains("lock table users in access share mode");
            assertThat(database.query("select count(*)::text as n from pg_stat_activity where datname = ?"
                    + " and application_name = 'migrationtest-migrate'", database.name()))
                    .extracting(row -> row.get("n")).containsExactly("0");
        }
    }

    @Test
    void aMissingChangelogIsNamedWithWhereToPutIt() {
        MigrationChain chain = LiquibaseChain.builder().changelog("db/changelog/missing.yaml").build();

        assertThatThrownBy(chain::validate)
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("The Liquibase changelog 'db/changelog/missing.yaml' does not exist: no such file on the"
                        + " test class path. Put it under src/main/resources/db/changelog/ or"
                        + " src/test/resources/db/changelog/, or name its directory with searchPath(...).");
    }

    @Test
    void aMissingSearchPathDirectoryIsNamed() {
        MigrationChain chain = LiquibaseChain.builder().changelog("changelog.yaml").searchPath("no/such/dir").build();

        assertThatThrownBy(chain::validate)
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageStartingWith("The Liquibase search path entry 'no/such/dir' is not a directory (");
    }

    @Test
    void aBrokenXmlChangelogIsNamedWithLineAndProblem() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/broken/broken.xml").build();

        assertThatThrownBy(chain::validate)
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("The Liquibase changelog 'liquibase/broken/broken.xml' cannot be parsed:\n"
                        + "  Error parsing line 10 column 1 of liquibase/broken/broken.xml: The end-tag for element"
                        + " type \"changeSet\" must end with a '>' delimiter.");
    }

    @Test
    void aBrokenYamlChangelogIsNamedWithLineAndColumn() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/broken/broken.yaml").build();

        assertThatThrownBy(chain::validate)
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageStartingWith("The Liquibase changelog 'liquibase/broken/broken.yaml' cannot be parsed:\n"
                        + "  Syntax error in file liquibase/broken/broken.yaml: while parsing a block mapping")
                .hasMessageContaining("line 5, column 6:")
                .hasMessageNotContaining("\tat ")
                .hasMessageNotContaining("liquibase.exception");
    }

    @Test
    void aMissingIncludeIsNamed() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/broken/missing-include.yaml").build();

        assertThatThrownBy(chain::validate)
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageStartingWith("The Liquibase changelog 'liquibase/broken/missing-include.yaml' cannot be"
                        + " parsed:\n  Error parsing liquibase/broken/missing-include.yaml")
                .hasMessageContaining("The file liquibase/broken/no-such-file.yaml was not found");
    }

    @Test
    void migratingABrokenChangelogFailsAsConfiguration() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/broken/broken.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> chain.migrate(database.dataSource(), Optional.empty()))
                    .isInstanceOf(MigrationTestConfigurationException.class)
                    .hasMessageStartingWith("The Liquibase changelog 'liquibase/broken/broken.xml' cannot be parsed:");
            assertThat(tables(database)).isEmpty();
        }
    }

    @Test
    void aChangedAppliedChangesetIsAnEngineErrorWithLiquibasesExplanation(@TempDir Path directory)
            throws IOException {
        Path changelog = directory.resolve("changed.sql");
        Files.writeString(changelog, "--liquibase formatted sql\n\n--changeset erin:1\ncreate table a (id bigint);\n");
        MigrationChain chain = LiquibaseChain.builder().changelog("changed.sql").searchPath(directory.toString())
                .build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());
            Files.writeString(changelog, "--liquibase formatted sql\n\n--changeset erin:1\ncreate table b (id bigint);\n");

            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.ENGINE_ERROR);
            assertThat(failure.sqlState()).isEmpty();
            assertThat(failure.message()).startsWith("Validation Failed:").contains("changed.sql::1::erin was:")
                    .doesNotContain("liquibase.exception");
        }
    }
}
