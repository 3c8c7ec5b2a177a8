package io.github.migrationtest.scenarios;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.internal.database.TemplateCache;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery: the states that apply to each migration, found by watching what it does to the schema. */
class ScenariosTests {

    @Test
    void offersValuesOutsideTheLabelsForTheMigrationThatCastsAColumnToAnEnum() {
        Discovery discovery = Scenarios.discover(Databases.of(Databases.chain("industry-cast", "original")));

        assertThat(discovery.scenariosOf("2", BrokenState.Kind.VALUES_OUTSIDE_ENUM)).singleElement()
                .satisfies(scenario -> {
                    assertThat(scenario.state().name())
                            .isEqualTo("values outside enum labels: public.companies.industry_type");
                    assertThat(scenario.state().description()).isEqualTo(
                            "inserts rows into public.companies with industry_type = 'default', 'Tech '");
                    assertThat(scenario.startAt()).contains("1");
                });
        assertThat(discovery.scenariosOf("1")).extracting(s -> s.state().name())
                .containsExactly("objects present but unrecorded: 1");
        assertThat(discovery.scenariosOf("2")).extracting(s -> s.state().name()).containsExactly(
                "values outside enum labels: public.companies.industry_type",
                "enum created but unrecorded: public.industry",
                "objects present but unrecorded: 2");
        assertThat(discovery.of("2").orElseThrow().changes()).extracting(c -> c.describe()).contains(
                "enum public.industry: added", "column public.companies.industry_type: type changed from character"
                        + " varying(50) to industry");
    }

    @Test
    void everyDiscoveredStateFailsTheOriginalChainWithItsDiagnosis() {
        FlywayChain chain = Databases.chain("industry-cast", "original");
        List<Scenario> scenarios = Scenarios.discover(Databases.of(chain)).scenarios();

        assertThat(scenarios).hasSize(5);
        for (Scenario scenario : scenarios) {
            try (MigrationDatabase db = Databases.empty(chain)) {
                scenario.prepare(db);

                assertThat(db.migrate()).as(scenario.name()).failedAt(scenario.migration().id())
                        .hasDiagnosis(scenario.state().diagnosis().orElseThrow());
            }
        }
    }

    @Test
    void aResilientFirstMigrationSurvivesItsStatesSinceTheyHaveTheHistoryTableProductionHas() {
        for (MigrationChain chain : List.of(Databases.chain("resilient-first", "fixed"),
                Databases.liquibase("resilient-first"))) {
            List<Scenario> scenarios = Scenarios.discover(Databases.of(chain)).scenariosOf("1");

            assertThat(scenarios).as(chain.description()).extracting(s -> s.state().kind())
                    .contains(BrokenState.Kind.ENUM_CREATED_BUT_UNRECORDED);
            for (Scenario scenario : scenarios) {
                try (MigrationDatabase db = Databases.empty(chain)) {
                    scenario.prepare(db);

                    assertThat(db.query("select to_regclass(?) is not null as present", chain.engineHistory().table()).get(0))
                            .as(scenario.name()).containsEntry("present", true);
                    assertThat(db.history()).as(scenario.name()).isEmpty();
                    assertThat(db.migrate()).as(chain.description() + ": " + scenario.name()).succeeded();
                }
            }
        }
    }

    @Test
    void theResilientChainSurvivesEveryStateDiscoveredForIt() {
        FlywayChain chain = Databases.chain("industry-cast", "fixed");
        List<Scenario> scenarios = Scenarios.discover(Databases.of(chain)).scenarios();

        assertThat(scenarios).hasSize(5);
        for (Scenario scenario : scenarios) {
            try (MigrationDatabase db = scenario.startAt().map(id -> Databases.at(chain, id))
                    .orElseGet(() -> Databases.empty(chain))) {
                scenario.prepare(db);

                MigrationResult result = db.migrate();

                assertThat(result).as(scenario.name()).succeeded();
                assertThat(db).as(scenario.name()).table("companies").column("industry_type").hasType("industry");
            }
        }
    }

    @Test
    void findsNewEnumsLabelsColumnsAndTheSchemasAMigrationUsesWithoutCreatingThem() {
        Discovery discovery = Scenarios.discover(Databases.of(FlywayChain.builder()
                .locations("classpath:discovery/schemas").build()));

        assertThat(discovery.scenariosOf("1")).extracting(s -> s.state().name())
                .containsExactly("objects present but unrecorded: 1");
        assertThat(discovery.scenariosOf("2")).extracting(s -> s.state().name()).containsExactly(
                "enum created but unrecorded: billing.invoice_status",
                "objects present but unrecorded: 2",
                "missing schema: billing");
        assertThat(discovery.scenariosOf("3")).extracting(s -> s.state().name()).containsExactly(
                "enum label already present: billing.invoice_status.paid",
                "missing schema: billing");
        assertThat(discovery.scenariosOf("4")).isEmpty();
        assertThat(discovery.describe()).startsWith("Scenarios of the Flyway chain classpath:discovery/schemas (6 in ")
                .contains("\n  4 \"backfill\" (V4__backfill.sql): none");
    }

    @Test
    void appliesEachMigrationOnceAndLeavesTheTemplatesForLaterTests(@TempDir Path directory) throws Exception {
        int migrations = 30;
        for (int i = 1; i <= migrations; i++) {
            Files.writeString(directory.resolve("V" + i + "__table_" + i + ".sql"), "CREATE TABLE t" + i
                    + " (id bigserial PRIMARY KEY, name text NOT NULL, kind text);\nCREATE INDEX t" + i + "_kind ON t" + i
                    + " (kind);\n");
        }
        FlywayChain chain = FlywayChain.builder().locations("filesystem:" + directory).build();
        TemplateCache templates = Databases.factory().templates();
        int appliedBefore = templates.migrationsApplied();

        Discovery discovery = Scenarios.discover(Databases.of(chain));
        int appliedByDiscovery = templates.migrationsApplied() - appliedBefore;
        Scenarios.discover(Databases.of(chain));
        try (MigrationDatabase db = Databases.at(chain, "17")) {
            assertThat(db).table("t17").exists();
        }

        assertThat(appliedByDiscovery).isEqualTo(migrations);
        assertThat(templates.migrationsApplied() - appliedBefore).isEqualTo(migrations);
        assertThat(discovery.scenarios()).hasSize(migrations);
        System.out.printf("Discovery of a %d-migration chain took %d ms%n", migrations, discovery.took().toMillis());
    }
}
