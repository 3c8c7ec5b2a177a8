package io.github.migrationtest.assertions;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class SnapshotFileTests {

    @TempDir
    Path directory;

    @AfterEach
    void clearUpdateFlag() {
        System.clearProperty(SchemaSnapshotAssert.UPDATE_SNAPSHOTS);
    }

    @Test
    void matchesTheCommittedSnapshotOfTheChain() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/good")) {
            db.migrate();

            assertThat(db).matchesSnapshot("src/test/resources/schema/good-head.schema");
        }
    }

    @Test
    void saysHowToCreateAMissingSnapshot() {
        Path file = directory.resolve("head.schema");
        try (DisposableDatabase database = TestDatabases.empty()) {
            SchemaSnapshot snapshot = SchemaSnapshot.of(database.dataSource());

            assertThatThrownBy(() -> assertThat(snapshot).matchesSnapshot(file))
                    .hasMessage("The schema snapshot " + file + " does not exist. To create it from the current"
                            + " schema, run the test once with -Dmigrationtest.update-snapshots=true (or the"
                            + " environment variable MIGRATIONTEST_UPDATE_SNAPSHOTS=true), review the file and"
                            + " commit it.");
        }
    }

    @Test
    void writesTheSnapshotWhenAskedToAndThenComparesWithIt() throws Exception {
        Path file = directory.resolve("schema").resolve("head.schema");
        try (DisposableDatabase database = TestDatabases.empty()) {
            TestDatabases.execute(database, "create table users (id bigint primary key, password text)");
            SchemaSnapshot before = SchemaSnapshot.of(database.dataSource());

            System.setProperty(SchemaSnapshotAssert.UPDATE_SNAPSHOTS, "true");
            assertThat(before).matchesSnapshot(file);
            System.clearProperty(SchemaSnapshotAssert.UPDATE_SNAPSHOTS);

            Assertions.assertThat(file).hasContent(before.canonicalText());
            assertThat(before).matchesSnapshot(file);

            TestDatabases.execute(database, "alter table users alter column password set not null");
            SchemaSnapshot after = SchemaSnapshot.of(database.dataSource());
            AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                    () -> assertThat(after).matchesSnapshot(file));

            Assertions.assertThat(error).hasMessage("Expecting the schema to match the snapshot " + file + ", but it"
                    + " differs (from the file to the database):\n  column public.users.password: now not null\n"
                    + "If the change is intended, run the test with -Dmigrationtest.update-snapshots=true (or the"
                    + " environment variable MIGRATIONTEST_UPDATE_SNAPSHOTS=true) to rewrite the file, review the"
                    + " change and commit it.");
            Assertions.assertThat(error.getExpected().getValue()).isEqualTo(Files.readString(file));
            Assertions.assertThat(error.getActual().getValue()).isEqualTo(after.canonicalText());
        }
    }

    @Test
    void failsWithTheDifferencesWhenTwoSchemasDiffer() {
        try (DisposableDatabase first = TestDatabases.empty(); DisposableDatabase second = TestDatabases.empty()) {
            TestDatabases.execute(first, "create table users (id bigint primary key)");
            TestDatabases.execute(second, "create table users (id integer primary key)");

            assertThat(SchemaSnapshot.of(first.dataSource())).hasSameSchemaAs(SchemaSnapshot.of(first.dataSource()));
            assertThatThrownBy(() -> assertThat(SchemaSnapshot.of(second.dataSource()))
                    .hasSameSchemaAs(SchemaSnapshot.of(first.dataSource())))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Expecting the schema to be the same as the expected schema, but it differs (from"
                            + " expected to actual):\n  column public.users.id: type changed from bigint to integer");
        }
    }
}
