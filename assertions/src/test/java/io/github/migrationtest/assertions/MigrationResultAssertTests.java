package io.github.migrationtest.assertions;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static io.github.migrationtest.assertions.MigrationAssertions.assertThatHistory;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class MigrationResultAssertTests {

    @Test
    void checksARunThatFailedAtACastToAnEnum() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/shop")) {
            MigrationResult result = db.migrate();

            assertThat(result).failed().failedAt("3").withSqlState("22P02").withMessageContaining("Fintech ")
                    .hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS).hasApplied("1", "2");
            assertThatHistory(db).hasIds("1", "2").hasNoFailedMigrations().doesNotContainIds("3");
            assertThat(db).table("companies").column("industry").hasType("text");
        }
    }

    @Test
    void showsTheWholeFailureWhenARunWasExpectedToSucceed() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/shop")) {
            MigrationResult result = db.migrate();

            assertThatThrownBy(() -> assertThat(result).succeeded())
                    .hasMessage("Expecting the migration run to succeed, but it " + result.describe())
                    .hasMessageStartingWith("Expecting the migration run to succeed, but it applied [1, 2], then"
                            + " migration 3 \"cast industry\" (V3__cast_industry.sql) failed:\n"
                            + "  ERROR 22P02: invalid input value for enum industry: \"Fintech \"");
        }
    }

    @Test
    void saysWhereARunFailedWhenItFailedElsewhereOrWithAnotherSqlState() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/shop")) {
            MigrationResult result = db.migrate();
            String failure = result.failure().orElseThrow().describe().indent(2).stripTrailing();

            assertThatThrownBy(() -> assertThat(result).failedAt("2"))
                    .hasMessage("Expecting the migration run to fail at migration 2, but it failed at migration 3"
                            + " instead:\n" + failure);
            assertThatThrownBy(() -> assertThat(result).withSqlState("42710"))
                    .hasMessage("Expecting the failure to have SQLSTATE 42710, but it had 22P02:\n" + failure);
            assertThatThrownBy(() -> assertThat(result).hasDiagnosis(Diagnosis.MISSING_SCHEMA))
                    .hasMessage("Expecting the failure to have diagnosis MISSING_SCHEMA, but it had"
                            + " VALUES_OUTSIDE_ENUM_LABELS:\n" + failure);
        }
    }

    @Test
    void checksARunThatSucceeded() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/good")) {
            MigrationResult result = db.migrate();

            assertThat(result).succeeded().hasApplied("1", "2");
            assertThat(db.migrate()).succeeded().appliedNothing();
            assertThatThrownBy(() -> assertThat(result).failedAt("2"))
                    .hasMessage("Expecting the migration run to fail at migration 2, but it succeeded and applied"
                            + " [1, 2].");
            assertThatThrownBy(() -> assertThat(result).withSqlState("22P02"))
                    .hasMessage("Expecting the migration run to fail with SQLSTATE 22P02, but it succeeded and applied"
                            + " [1, 2].");
            assertThatThrownBy(() -> assertThat(result).hasDiagnosis(Diagnosis.MISSING_SCHEMA))
                    .hasMessage("Expecting the migration run to fail with diagnosis MISSING_SCHEMA, but it succeeded and"
                            + " applied [1, 2].");
            assertThatThrownBy(() -> assertThat(result).hasApplied("1"))
                    .hasMessage("Expecting the migration run to have applied (in order):\n  [1]\nbut it applied:\n"
                            + "  [1, 2]\nunexpected: [2]");
        }
    }

    @Test
    void checksTheHistory() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/good")) {
            db.migrateTo("1");

            assertThatHistory(db.history()).hasIds("1").containsIds("1");
            assertThat(db).history().hasIds("1");
            assertThatThrownBy(() -> assertThatHistory(db).hasIds("1", "2"))
                    .hasMessage("Expecting the migration history to have entries (in order):\n  [1, 2]\nbut had:\n"
                            + "  [1]\nmissing: [2]");
        }
    }
}
