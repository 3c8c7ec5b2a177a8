package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enum states of the catalog against the original (broken) and fixed chains of seeds 000, 002 and 003. */
class EnumStatesTests {

    private static final FlywayChain ANALYTICS = Databases.chain("analytics-enum", "original");
    private static final FlywayChain ANALYTICS_FIXED = Databases.chain("analytics-enum", "fixed");
    private static final FlywayChain INDUSTRY = Databases.chain("industry-cast", "original");
    private static final FlywayChain INDUSTRY_FIXED = Databases.chain("industry-cast", "fixed");
    private static final FlywayChain LABELS = Databases.chain("event-labels", "original");
    private static final FlywayChain LABELS_FIXED = Databases.chain("event-labels", "fixed");

    @Test
    void enumCreatedButUnrecordedFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "1")) {
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            assertThat(db.migrate()).failedAt("2").withSqlState("42710")
                    .withMessageContaining("type \"platformtype\" already exists")
                    .hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
        }
    }

    @Test
    void enumCreatedButUnrecordedIsSurvivedByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(ANALYTICS_FIXED, "1")) {
            db.seed(BrokenStates.enumCreatedButUnrecorded("2"));

            assertThat(db.migrate()).succeeded().hasApplied("2");
            assertThat(db).enumType("platformtype").hasLabels("meta_ads", "tiktok_ads", "google_ads");
        }
    }

    @Test
    void anEnumGivenByNameWithFewerLabelsIsCompletedByTheFixedChain() {
        try (MigrationDatabase original = Databases.at(ANALYTICS, "1");
                MigrationDatabase fixed = Databases.at(ANALYTICS_FIXED, "1")) {
            BrokenState state = BrokenStates.enumCreatedButUnrecorded("platformtype", List.of("meta_ads", "tiktok_ads"));
            original.seed(state);
            fixed.seed(state);

            assertThat(original.migrate()).failedAt("2").hasDiagnosis(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(fixed.migrate()).succeeded();
            assertThat(fixed).enumType("platformtype").hasLabels("meta_ads", "tiktok_ads", "google_ads");
        }
    }

    @Test
    void valuesOutsideTheEnumFailTheCastOfTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(INDUSTRY, "1")) {
            db.seed(BrokenStates.valuesOutsideEnum("companies", "industry_type", "default", "Fintech ", "default"));

            assertThat(db.migrate()).failedAt("2").withSqlState("22P02")
                    .hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
            assertThat(db.migrate().failure().orElseThrow().finding().orElseThrow().evidence()).containsExactly(
                    "companies.industry_type holds 2 distinct value(s) that are not labels of industry:",
                    "  'default' in 2 row(s)",
                    "  'Fintech ' in 1 row(s)",
                    "the labels of industry are [tech, media, retail, other]");
        }
    }

    @Test
    void valuesOutsideTheEnumAreMappedByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(INDUSTRY_FIXED, "1")) {
            db.seed(BrokenStates.valuesOutsideEnum("companies", "industry_type", "default", "Media "));

            assertThat(db.migrate()).succeeded().hasApplied("2", "3");
            assertThat(db.query("select industry_type::text as industry from companies order by id"))
                    .extracting(row -> row.get("industry")).containsExactly("other", "media");
        }
    }

    @Test
    void valuesOutsideTheEnumFoundFromTheMigrationThatCasts() {
        try (MigrationDatabase original = Databases.at(INDUSTRY, "1");
                MigrationDatabase fixed = Databases.at(INDUSTRY_FIXED, "1")) {
            original.seed(BrokenStates.valuesOutsideEnum("2"));
            fixed.seed(BrokenStates.valuesOutsideEnum("2"));

            assertThat(original.query("select industry_type from companies order by id"))
                    .extracting(row -> row.get("industry_type")).containsExactly("default", "Tech ");
            assertThat(original.migrate()).failedAt("2").hasDiagnosis(Diagnosis.VALUES_OUTSIDE_ENUM_LABELS);
            assertThat(fixed.migrate()).succeeded();
        }
    }

    @Test
    void enumLabelAlreadyPresentFailsTheOriginalChain() {
        try (MigrationDatabase db = Databases.at(LABELS, "1")) {
            db.seed(BrokenStates.enumLabelAlreadyPresent("eventtype", "archived"));

            assertThat(db.migrate()).failedAt("2").withSqlState("42710")
                    .hasDiagnosis(Diagnosis.ENUM_LABEL_EXISTS);
        }
    }

    @Test
    void enumLabelAlreadyPresentIsSurvivedByTheFixedChain() {
        try (MigrationDatabase db = Databases.at(LABELS_FIXED, "1")) {
            db.seed(BrokenStates.enumLabelAlreadyPresent("2"));

            assertThat(db).enumType("eventtype").hasLabels("created", "updated", "archived", "deleted");
            assertThat(db.migrate()).succeeded().hasApplied("2");
            assertThat(db).enumType("eventtype").hasLabels("created", "updated", "archived", "deleted");
        }
    }

    @Test
    void derivedStatesRefuseADatabaseWhereTheirMigrationIsRecorded() {
        try (MigrationDatabase db = Databases.at(ANALYTICS, "2")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> db.seed(BrokenStates.enumCreatedButUnrecorded("2")))).hasMessage(
                    "enumCreatedButUnrecorded(\"2\"): migration 2 \"analytics\" (V2__analytics.sql) is recorded as"
                            + " applied in " + db.name() + "; the state belongs before it. Start from"
                            + " db.migrateTo(\"1\") or @At(\"1\").");
        }
    }

    @Test
    void derivedStatesNameWhatTheMigrationDoesNotDo() {
        try (MigrationDatabase db = Databases.at(INDUSTRY, "1")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> db.seed(BrokenStates.enumLabelAlreadyPresent("2")))).hasMessage(
                    "enumLabelAlreadyPresent(\"2\"): migration 2 \"industry enum\" (V2__industry_enum.sql) adds no label"
                            + " to an enum type that exists before it.");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> db.seed(BrokenStates.valuesOutsideEnum("3")))).hasMessage(
                    "valuesOutsideEnum(\"3\"): migration 3 \"index industry\" (V3__index_industry.sql) changes no"
                            + " column's type to an enum type.");
        }
    }

    @Test
    void valuesCannotBeSeededIntoAColumnThatIsAnEnumAlready() {
        try (MigrationDatabase db = Databases.at(INDUSTRY, "2")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> db.seed(
                    BrokenStates.valuesOutsideEnum("companies", "industry_type", "default")))).hasMessage(
                    "Cannot store values outside the enum's labels in public.companies.industry_type: the column is of"
                            + " enum type industry already. Seed the state before the migration that casts it.");
            assertThat(Map.of()).isEmpty();
        }
    }
}
