package io.github.migrationtest.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftMigrationAssertionsTests {

    private static DisposableDatabase database;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void createSchema() {
        database = TestDatabases.empty();
        TestDatabases.execute(database, "create table users (id bigint primary key, email text, password text);"
                + "create type industry as enum ('tech', 'media', 'retail')");
        snapshot = SchemaSnapshot.of(database.dataSource());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void collectsTheFailuresOfEveryCheckAlsoThroughNavigation() {
        SoftMigrationAssertions softly = new SoftMigrationAssertions();

        softly.assertThat(snapshot).table("users").column("email").isNotNullable().hasType("text");
        softly.assertThat(snapshot).table("users").column("id").isNotNullable();
        softly.assertThat(snapshot).table("orders").column("id").hasType("bigint");
        softly.assertThat(snapshot).enumType("industry").hasLabels("tech", "retail");

        // AssertJ appends the line of the failed check to each soft failure
        assertThat(softly.errorsCollected())
                .extracting(e -> e.getMessage().substring(0, e.getMessage().lastIndexOf("\nat ")))
                .containsExactly(
                "Expecting column public.users.email to be not null, but it is nullable.",
                "Expecting column public.orders.id to exist, but it does not.\nThe table public.orders does not"
                        + " exist. Tables in schema public: users.",
                "Expecting enum public.industry to have labels (in order):\n  [tech, retail]\nbut had:\n"
                        + "  [tech, media, retail]\nunexpected: [media]");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
    }

    @Test
    void passesWhenEveryCheckPasses() {
        SoftMigrationAssertions.assertSoftly(softly -> {
            softly.assertThat(snapshot).table("users").column("id").isNotNullable();
            softly.assertThat(snapshot).enumType("industry").containsLabels("media");
            softly.assertThat(snapshot).history().isEmpty();
        });
    }
}
