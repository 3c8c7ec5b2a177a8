package io.github.migrationtest.core.internal.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.database.RunPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed validation keeps Flyway's per-migration detail, and the common ones are diagnosed with their fix. */
class FlywayValidationTests {

    @TempDir
    Path chain;

    @Test
    void aPendingMigrationOlderThanTheAppliedOnesIsDiagnosedAndOutOfOrderAppliesIt() throws IOException {
        write("V1__create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
        write("V3__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
        try (DisposableDatabase database = TestDatabases.factory().createEmpty()) {
            assertThat(db(database).migrate(Optional.empty()).succeeded()).isTrue();
            // A branch merged after release 3 brings migration 2.
            write("V2__create_invoices.sql", "CREATE TABLE invoices (id bigint PRIMARY KEY);");

            MigrationFailure failure = db(database).migrate(Optional.empty()).failure().orElseThrow();

            assertThat(failure.message()).startsWith("Validate failed");
            assertThat(failure.detail()).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("Detected resolved migration not applied to database: 2").doesNotContain("rd.gt"));
            assertThat(failure.describe()).contains("\n  detail: Detected resolved migration not applied to database: 2");
            assertThat(failure.diagnosis()).contains(Diagnosis.MIGRATION_OUT_OF_ORDER);
            assertThat(failure.finding().orElseThrow().evidence()).satisfiesExactly(
                    newest -> assertThat(newest).startsWith("the newest applied migration is 3 \"create orders\""
                            + " (V3__create_orders.sql)"),
                    pending -> assertThat(pending).isEqualTo("migration 2 is pending, older than that"));
            assertThat(failure.finding().get().fix()).contains("flyway.outOfOrder=true");

            assertThat(db(database, "flyway.outOfOrder", "true").migrate(Optional.empty()).appliedIds()).containsExactly("2");
        }
    }

    @Test
    void anAppliedMigrationTheChainNoLongerHasKeepsItsDetailAndItsFixIsAccepted() throws IOException {
        write("V1__create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
        write("V2__experimental_flags.sql", "CREATE TABLE flags (id bigint PRIMARY KEY);");
        try (DisposableDatabase database = TestDatabases.factory().createEmpty()) {
            assertThat(db(database).migrate(Optional.empty()).succeeded()).isTrue();
            Files.delete(chain.resolve("V2__experimental_flags.sql"));
            write("V3__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");

            MigrationFailure failure = db(database).migrate(Optional.empty()).failure().orElseThrow();

            assertThat(failure.detail()).hasValueSatisfying(d -> assertThat(d)
                    .contains("Detected applied migration not resolved locally: 2"));
            assertThat(failure.diagnosis()).contains(Diagnosis.APPLIED_MIGRATION_MISSING);
            assertThat(failure.finding().orElseThrow().fix()).contains("flyway.ignoreMigrationPatterns=*:missing");

            assertThat(db(database, "flyway.ignoreMigrationPatterns", "*:missing").migrate(Optional.empty()).appliedIds())
                    .containsExactly("3");
        }
    }

    /** A run of the chain (with the property, if given) on the database, as MigrationDatabase.migrate() runs it. */
    private RunPipeline db(DisposableDatabase database, String... property) {
        FlywayChain.Builder builder = FlywayChain.builder().locations("filesystem:" + chain);
        if (property.length == 2) {
            builder.property(property[0], property[1]);
        }
        // Not closed: closing would drop the database the test goes on with; the test's try closes it.
        return RunPipeline.of(builder.build(), database, Duration.ofMinutes(1));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(chain.resolve(name), sql);
    }
}
