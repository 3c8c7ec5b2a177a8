package io.github.migrationtest.core.internal.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a migrate run reports as applied, now that it comes from Flyway's result and a cached scan. */
class FlywayAppliedTests {

    @TempDir
    Path directory;

    @Test
    void aChangedLocationIsScannedAgain() throws IOException {
        Files.writeString(directory.resolve("V1__first.sql"), "CREATE TABLE first (id int);\n");
        FlywayChain chain = FlywayChain.builder().locations("filesystem:" + directory).build();
        try (MigrationDatabase db = database(chain)) {
            assertThat(db.migrate().appliedIds()).containsExactly("1");

            // GIVEN a new migration and a repeatable one written into the same location
            Files.writeString(directory.resolve("V2__second.sql"), "CREATE TABLE second (id int);\n");
            Files.writeString(directory.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");
            MigrationResult result = db.migrate();

            assertThat(result.applied()).extracting(Migration::id).containsExactly("2", "R__view");
            assertThat(result.applied()).extracting(Migration::script).containsExactly("V2__second.sql", "R__view.sql");
            assertThat(result.applied().get(0).checksum()).isEqualTo(db.history().get(1).checksum());
        }
    }

    @Test
    void aRepeatableMigrationChangedInPlaceReportsItsNewChecksum() throws IOException {
        Files.writeString(directory.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");
        FlywayChain chain = FlywayChain.builder().locations("filesystem:" + directory).build();
        try (MigrationDatabase db = database(chain)) {
            db.migrate();
            Files.writeString(directory.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1 AS one, 2 AS two;\n");
            // A file's time may not move within the file system's resolution; its size does here.
            MigrationResult result = db.migrate();

            assertThat(result.applied()).hasSize(1);
            assertThat(result.applied().get(0).checksum()).isEqualTo(db.history().get(1).checksum());
        }
    }

    @Test
    void aGroupRolledBackByItsFailureReportsNothingApplied() throws IOException {
        Files.writeString(directory.resolve("V1__first.sql"), "CREATE TABLE first (id int);\n");
        Files.writeString(directory.resolve("V2__fails.sql"), "SELECT 1 / 0;\n");
        FlywayChain chain = FlywayChain.builder().locations("filesystem:" + directory)
                .property("flyway.group", "true").build();
        try (MigrationDatabase db = database(chain)) {
            MigrationResult result = db.migrate();

            assertThat(result.succeeded()).isFalse();
            assertThat(result.applied()).isEmpty();
            assertThat(result.failure().orElseThrow().migration()).map(Migration::id).contains("2");
            assertThat(db.query("select to_regclass('first')::text as t").get(0)).containsEntry("t", null);
        }
    }

    private static MigrationDatabase database(FlywayChain chain) {
        return TestDatabases.database(chain, Duration.ofMinutes(1));
    }
}
