package io.github.migrationtest.core.internal.flyway;

import static io.github.migrationtest.core.testing.TestDatabases.columns;
import static io.github.migrationtest.core.testing.TestDatabases.strings;
import static io.github.migrationtest.core.testing.TestDatabases.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayRollbackTests {

    private static FlywayChain undoChain() {
        return FlywayChain.builder().locations("classpath:flyway/undo").property("flyway.placeholders.owner", "app")
                .build();
    }

    @Test
    void undoScriptsRoundTripRemovesObjectsAndHistoryAndReapplies() {
        MigrationChain chain = undoChain();
        try (DisposableDatabase database = TestDatabases.empty()) {
            // GIVEN the whole chain applied
            chain.migrate(database.dataSource(), Optional.empty());

            // WHEN the last migration is rolled back
            MigrationResult last = chain.rollbackLast(database.dataSource());

            // THEN its table, its function and its history row are gone
            assertThat(last.succeeded()).as(last.describe()).isTrue();
            assertThat(last.appliedIds()).containsExactly("3");
            assertThat(tables(database)).doesNotContain("public.orders");
            assertThat(strings(database, "select count(*) from pg_proc where proname = 'orders_count'"))
                    .containsExactly("0");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1", "2");

            // WHEN rolled back to the first, THEN the second's column is gone (placeholders replaced in U2)
            MigrationResult toFirst = chain.rollbackTo(database.dataSource(), "1");

            assertThat(toFirst.appliedIds()).containsExactly("2");
            assertThat(columns(database, "public", "app_users")).containsExactly("id", "name");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1");

            // THEN the chain applies again
            MigrationResult again = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(again.appliedIds()).containsExactly("2", "3");
            assertThat(tables(database)).contains("public.orders");
        }
    }

    @Test
    void rollingBackToATargetUndoesNewestFirstAndKeepsTheTarget() {
        MigrationChain chain = undoChain();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1");

            assertThat(result.appliedIds()).containsExactly("3", "2");
            assertThat(result.applied()).extracting(Migration::script)
                    .containsExactly("V3__create_orders.sql", "V2__add_email.sql");
            assertThat(tables(database)).contains("public.app_users").doesNotContain("public.orders");
        }
    }

    @Test
    void rollingBackEverythingLeavesAnEmptyHistory() {
        MigrationChain chain = undoChain();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            chain.rollbackTo(database.dataSource(), "1");
            MigrationResult first = chain.rollbackLast(database.dataSource());
            MigrationResult none = chain.rollbackLast(database.dataSource());

            assertThat(first.appliedIds()).containsExactly("1");
            assertThat(none.succeeded()).isTrue();
            assertThat(none.applied()).isEmpty();
            assertThat(chain.history(database.dataSource())).isEmpty();
            assertThat(tables(database)).containsExactly("public.flyway_schema_history");
        }
    }

    @Test
    void aMigrationWithoutUndoScriptIsReportedByNameAndNothingIsUndone() {
        MigrationChain chain = FlywayChain.builder().locations("classpath:flyway/undo-missing").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1");

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.NO_ROLLBACK);
            assertThat(failure.migration()).map(Migration::id).contains("3");
            assertThat(failure.describe()).isEqualTo("migration 3 \"more users\" (V3__more_users.sql) cannot be rolled"
                    + " back:\n  it has no undo script. Add U3__more_users.sql beside V3__more_users.sql (in"
                    + " classpath:flyway/undo-missing) with the statements that undo it; migrationtest runs it and"
                    + " removes the migration's row from flyway_schema_history. Nor have undo scripts:"
                    + " V2__seed_users.sql.");
            assertThat(result.applied()).isEmpty();
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id)
                    .containsExactly("1", "2", "3");
        }
    }

    @Test
    void aFailingUndoScriptIsRolledBackWithItsHistoryRow() {
        MigrationChain chain = FlywayChain.builder().locations("classpath:flyway/undo-failing").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.of("1"));

            MigrationResult result = chain.rollbackLast(database.dataSource());

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.SQL_ERROR);
            assertThat(failure.migration()).map(Migration::id).contains("1");
            assertThat(failure.sqlState()).contains("42P01");
            assertThat(failure.statement()).contains("drop table not_there");
            assertThat(failure.engineMessage()).startsWith("Undo script classpath:flyway/undo-failing/"
                    + "U1__create_tables.sql failed: ");
            assertThat(tables(database)).contains("public.kept", "public.also_kept");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1");
        }
    }

    @Test
    void anUndoScriptWithAPlaceholderWithoutValueIsAnEngineError() {
        MigrationChain chain = FlywayChain.builder().locations("classpath:flyway/undo-failing").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.ENGINE_ERROR);
            assertThat(failure.message()).isEqualTo("the undo script U2__placeholder_things.sql uses the placeholder"
                    + " ${missing_value}, which has no value. Set it, e.g. with the Flyway property"
                    + " flyway.placeholders.missing_value=...");
            assertThat(tables(database)).contains("public.placeholder_things");
        }
    }

    @Test
    void theHistoryTableAndDefaultSchemaOfTheChainAreRespected() {
        MigrationChain chain = FlywayChain.builder().locations("classpath:flyway/undo")
                .property("flyway.placeholders.owner", "app").property("flyway.defaultSchema", "app")
                .property("flyway.table", "schema_log").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1");

            assertThat(result.appliedIds()).containsExactly("3", "2");
            assertThat(tables(database)).containsExactly("app.app_users", "app.schema_log");
            assertThat(strings(database, "select version from app.schema_log where version is not null order by installed_rank"))
                    .containsExactly("1");
        }
    }

    @Test
    void undoScriptsCanLiveInTheirOwnLocationWhenFlywayValidatesNames() {
        MigrationChain chain = FlywayChain.builder().locations("classpath:flyway/strict")
                .undoLocations("classpath:flyway/strict-undo").property("flyway.validateMigrationNaming", "true")
                .build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult migrated = chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(migrated.succeeded()).as(migrated.describe()).isTrue();
            assertThat(result.appliedIds()).containsExactly("1");
            assertThat(tables(database)).doesNotContain("public.strict_things");
        }
    }

    @Test
    void undoScriptsAreFoundInJarsAndOnTheFileSystem(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "db/jarred/V1__create_jarred.sql", "create table jarred (id bigint);");
            entry(out, "db/jarred/U1__create_jarred.sql", "drop table jarred;");
        }
        Path files = Files.createDirectories(directory.resolve("sql"));
        Files.writeString(files.resolve("V2__create_filed.sql"), "create table filed (id bigint);");
        Files.writeString(files.resolve("U2__create_filed.sql"), "drop table filed;");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                DisposableDatabase database = TestDatabases.empty()) {
            MigrationChain chain = FlywayChain.builder().classLoader(loader)
                    .locations("classpath:db/jarred", "filesystem:" + files).build();
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackTo(database.dataSource(), "1");
            MigrationResult first = chain.rollbackLast(database.dataSource());

            assertThat(result.appliedIds()).containsExactly("2");
            assertThat(first.succeeded()).as(first.describe()).isTrue();
            assertThat(first.appliedIds()).containsExactly("1");
            assertThat(tables(database)).containsExactly("public.flyway_schema_history");
        }
    }

    @Test
    void undoScriptsAreFoundInWildcardLocations(@TempDir Path directory) throws IOException {
        Path module = Files.createDirectories(directory.resolve("modules/billing/sql"));
        Files.writeString(module.resolve("V1__create_invoices.sql"), "create table invoices (id bigint);");
        Files.writeString(module.resolve("U1__create_invoices.sql"), "drop table invoices;");
        MigrationChain chain = FlywayChain.builder().locations("filesystem:" + directory + "/modules/*/sql").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.empty());

            MigrationResult result = chain.rollbackLast(database.dataSource());

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.appliedIds()).containsExactly("1");
            assertThat(tables(database)).doesNotContain("public.invoices");
        }
    }

    @Test
    void rollingBackToAMigrationThatIsNotAppliedIsAnError() {
        MigrationChain chain = undoChain();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrate(database.dataSource(), Optional.of("1"));

            assertThatThrownBy(() -> chain.rollbackTo(database.dataSource(), "2"))
                    .isInstanceOf(MigrationTestException.class)
                    .hasMessage("Cannot roll back to migration 2: it is not applied. Applied versioned migrations of"
                            + " the Flyway chain classpath:flyway/undo: 1.");
            assertThatThrownBy(() -> chain.rollbackTo(database.dataSource(), "7"))
                    .isInstanceOf(MigrationTestConfigurationException.class)
                    .hasMessage("The Flyway chain classpath:flyway/undo has no versioned migration '7' to roll back"
                            + " to. Its versions are: 1, 2, 3.");
        }
    }

    @Test
    void aMigrationDatabaseRollsBackWithinItsTimeLimit() {
        try (MigrationDatabase database = TestDatabases.database(undoChain(),
                Duration.ofMinutes(1))) {
            database.migrate();

            MigrationResult last = database.rollbackLast();
            MigrationResult toFirst = database.rollbackTo("1");

            assertThat(last.appliedIds()).containsExactly("3");
            assertThat(toFirst.appliedIds()).containsExactly("2");
            assertThat(database.history()).extracting(HistoryEntry::id).containsExactly("1");
        }
    }

    @Test
    void aFailingUndoIsDiagnosedAsAFailingMigrationIs() {
        FlywayChain chain = FlywayChain.builder().locations("classpath:flyway/undo-concurrently").build();
        try (MigrationDatabase database = TestDatabases.database(chain, Duration.ofMinutes(1))) {
            database.migrate();

            MigrationResult result = database.rollbackLast();

            MigrationFailure failure = result.failure().orElseThrow();
            assertThat(failure.sqlState()).contains("25001");
            assertThat(failure.diagnosis()).contains(Diagnosis.CONCURRENTLY_IN_TRANSACTION);
            assertThat(database.history()).extracting(HistoryEntry::id).containsExactly("1", "2");
        }
    }

    @Test
    void anUndoThatExceedsTheTimeLimitIsCancelledAndReported() {
        MigrationDatabase database = TestDatabases.database(undoChain(), Duration.ofSeconds(2));
        undoChain().migrate(database.dataSource(), Optional.empty());
        try (database) {
            try (Connection blocker = database.connect()) {
                // GIVEN another session holding a lock the undo of V3 needs
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("lock table orders in access share mode");
                }

                MigrationResult result = database.rollbackLast();

                MigrationFailure failure = result.failure().orElseThrow();
                assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.TIMEOUT);
                assertThat(failure.waits()).isNotEmpty();
                blocker.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(database.history()).extracting(HistoryEntry::id).containsExactly("1", "2", "3");
        }
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
