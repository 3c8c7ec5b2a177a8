package io.github.migrationtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.github.migrationtest.scenarios.checks.SuiteReport;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The contract turns exactly the tests of a defect red, and says which migration and what differs. */
class MigrationChainContractTests {

    @Test
    void aRepeatableMigrationReappliedByEveryRunFailsTheRerunCheckOnly() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.RerunChanges.class));

        // A repeatable migration is no version to upgrade from, and V1 is the head: no upgrade tests.
        assertThat(outcomes).containsEntry("an empty database migrates to the head", "SUCCESSFUL")
                .containsEntry("1 \"create orders\" (V1__create_orders.sql) runs again where it ran but is not recorded",
                        "SUCCESSFUL")
                .hasSize(3);
        assertThat(outcomes.get("migrating a database at the head again applies nothing"))
                .startsWith("FAILED: Migrating a database at the head again must apply nothing, but it applied"
                        + " [R__refresh order totals]");
    }

    @Test
    void aMigrationThatDependsOnTheDatabaseFailsTheUpgradeChecksWithTheDifference() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.DependsOnDatabase.class));

        assertThat(outcomes.get("1 \"create orders\" (V1__create_orders.sql) upgrades to the head like a clean install"))
                .startsWith("FAILED: Upgrading from 1 \"create orders\" (V1__create_orders.sql) to the head ends with"
                        + " another schema than a clean install (expected: clean install, actual: upgrade):\n"
                        + "  table public.orders: comment changed from migrated in mt_t_");
        assertThat(outcomes.get("2 \"stamp orders\" (V2__stamp_orders.sql) upgrades to the head like a clean install"))
                .isEqualTo("ABORTED: skipped by contract(): deliberately skipped to show how skips are reported");
        assertThat(outcomes).containsEntry("an empty database migrates to the head", "SUCCESSFUL")
                .containsEntry("migrating a database at the head again applies nothing", "SUCCESSFUL");
    }

    @Test
    void aLeakyUndoScriptFailsItsOwnRoundTripWithWhatItLeftBehind() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.LeakyUndo.class));

        assertThat(outcomes.get("2 \"add priority\" (V2__add_priority.sql) rolls back to the schema before it and"
                + " applies again")).isEqualTo("FAILED: Rolling back 2 \"add priority\" (V2__add_priority.sql) does"
                + " not restore the schema before it; left behind (expected: before the migration, actual: after its"
                + " rollback):\n  enum public.ticket_priority: added");
        assertThat(outcomes.get("1 \"create tickets\" (V1__create_tickets.sql) rolls back to the schema before it and"
                + " applies again")).isEqualTo("SUCCESSFUL");
        assertThat(outcomes.get("3 \"index titles\" (V3__index_titles.sql) rolls back to the schema before it and"
                + " applies again")).startsWith("ABORTED: no rollback to check: ");
        assertThat(outcomes.entrySet()).filteredOn(e -> e.getValue().startsWith("FAILED")).hasSize(1);
        assertThat(outcomes.entrySet()).filteredOn(e -> e.getValue().startsWith("ABORTED")).hasSize(1);
    }

    @Test
    void aMigrationThatIsNotSafeToRunAgainFailsItsOwnReplayOnly() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.NotIdempotent.class));

        assertThat(outcomes.entrySet()).filteredOn(e -> !e.getValue().equals("SUCCESSFUL")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getKey()).isEqualTo("2 \"add due date\" (V2__add_due_date.sql) runs again where it"
                            + " ran but is not recorded");
                    assertThat(e.getValue()).startsWith("FAILED: 2 \"add due date\" (V2__add_due_date.sql) is not safe"
                            + " to run again: where it ran but is not recorded, migrating again fails.\n"
                            + "It applied nothing, then migration 2 \"add due date\" (V2__add_due_date.sql) failed:\n"
                            + "  ERROR 42701: column \"due_date\" of relation \"invoices\" already exists")
                            .contains("diagnosis: OBJECT_EXISTS_UNRECORDED");
                });
        // clean install, rerun, 3 replays, 3 round trips, 2 upgrades; the chain offers no other broken state
        assertThat(outcomes).hasSize(10);
    }

    @Test
    void aMigrationDeclaredUnsafeMustFailWithTheDeclaredDiagnosis() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.NotIdempotentDeclared.class));

        assertThat(outcomes.values()).containsOnly("SUCCESSFUL");
    }

    @Test
    void replayFailuresBeforeTheCutOffAreReportedNotFailed() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.NotIdempotentBeforeTheCutOff.class));

        assertThat(outcomes.get("2 \"add due date\" (V2__add_due_date.sql) runs again where it ran but is not recorded"))
                .startsWith("ABORTED: reported, not required by contract(): 2 \"add due date\" (V2__add_due_date.sql)"
                        + " is not safe to run again");
        assertThat(outcomes.values()).filteredOn(v -> v.startsWith("FAILED")).isEmpty();
    }

    @Test
    void repeatablesOverLaterTablesLeaveEveryIntermediateStateBuildable() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.RepeatableViews.class));

        assertThat(outcomes).containsEntry("1 \"create customers\" (V1__create_customers.sql) upgrades to the head like"
                        + " a clean install", "SUCCESSFUL")
                .containsEntry("2 \"create orders\" (V2__create_orders.sql) upgrades to the head like a clean install",
                        "SUCCESSFUL")
                .containsEntry("3 \"add order status\" (V3__add_order_status.sql) rolls back to the schema before it"
                        + " and applies again", "SUCCESSFUL")
                .containsEntry("1 \"create customers\" (V1__create_customers.sql) runs again where it ran but is not"
                        + " recorded", "SUCCESSFUL");
        // V1 has no undo script: its round trip is reported as skipped, the only test not green.
        assertThat(outcomes.entrySet()).filteredOn(e -> !e.getValue().equals("SUCCESSFUL")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).startsWith("ABORTED: no rollback to check"));
    }

    @Test
    void aChainThatNeedsAnExtensionAndARoleRunsUnchangedWithThePreparation() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.PlatformPrepared.class));

        // clean install, rerun, 2 replays, 1 upgrade
        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.values()).containsOnly("SUCCESSFUL");
    }

    @Test
    void aStateThatCannotBeBuiltFailsOnceWithItsDiagnosisAndTheChecksThatNeedItAbortInOneLine() {
        EngineExecutionResults results = EngineRuns.run(ContractTestCases.PlatformUnprepared.class);
        Map<String, String> outcomes = outcomes(results);

        assertThat(failures(results)).singleElement().asString()
                .contains("ERROR 42704: operator class \"gin_trgm_ops\" does not exist for access method \"gin\"")
                .contains("diagnosis: MISSING_EXTENSION - migration 1 uses operator class gin_trgm_ops, which comes"
                        + " from extension pg_trgm")
                .contains("migrationtest.prepare=classpath:prepare.sql");
        assertThat(outcomes.values()).filteredOn(v -> v.startsWith("FAILED")).hasSizeLessThanOrEqualTo(1);
        assertThat(outcomes.values()).filteredOn(v -> v.startsWith("ABORTED")).isNotEmpty().allSatisfy(v -> assertThat(v)
                .startsWith("ABORTED: Not run: the state it starts from cannot be built - migration 1 \"create"
                        + " products\" (V1__create_products.sql) fails (ERROR 42704: operator class \"gin_trgm_ops\""
                        + " does not exist for access method \"gin\"), diagnosis MISSING_EXTENSION. Reported in full,"
                        + " with its diagnosis, by the check ")
                .doesNotContain("\n"));
    }

    @Test
    void byDefaultAChainOfVersionedScriptsIsUpgradedFromEveryVersionStepByStep() throws IOException {
        generateChain(Path.of("target/generated-chains/long-stepwise"), 25);

        EngineExecutionResults results = EngineRuns.run(ContractTestCases.LongChain.class);
        Map<String, String> outcomes = outcomes(results);

        assertThat(outcomes.entrySet()).filteredOn(e -> e.getKey().endsWith("upgrades to the head like a clean install"))
                .hasSize(24).allSatisfy(e -> assertThat(e.getValue()).isEqualTo("SUCCESSFUL"));
        assertThat(outcomes.keySet()).noneMatch(name -> name.contains("left out"));
        // Each of the 25 states built once from the one before it, and one full upgrade of the last ten
        // migrations: 35 migrations, where upgrading from every version by full runs executes 300.
        SuiteReport.CheckRun upgrade = ContractTestCases.LongChain.report.check("upgrade").orElseThrow();
        assertThat(upgrade.statesBuilt()).isEqualTo(25);
        assertThat(upgrade.migrationsExecuted()).isEqualTo(25 + 10);
    }

    @Test
    void aChainWithARepeatableMigrationIsUpgradedByFullRunsFromTheDefaultSelection() throws IOException {
        Path chain = Path.of("target/generated-chains/long-with-repeatable");
        generateChain(chain, 25);
        Files.writeString(chain.resolve("R__totals.sql"), "CREATE OR REPLACE VIEW totals AS SELECT count(*) FROM table_1;\n");

        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.LongChainWithRepeatable.class));

        assertThat(outcomes.entrySet()).filteredOn(e -> e.getKey().endsWith("upgrades to the head like a clean install"))
                .hasSize(20).allSatisfy(e -> assertThat(e.getValue()).isEqualTo("SUCCESSFUL"));
        assertThat(outcomes).containsEntry("4 of 24 migrations left out by MigrationSelection.lastAndSpread(10, 10)",
                "ABORTED: left out by the selection MigrationSelection.lastAndSpread(10, 10): 4, 7, 11, 14."
                        + " contract().select(Check.UPGRADE, MigrationSelection.all()) checks them all.");
        assertThat(outcomes).containsKey("1 \"create table 1\" (V1__create_table_1.sql) upgrades to the head like a"
                + " clean install");
    }

    @Test
    void aSelectionAppliesToEveryPerMigrationCheck() throws IOException {
        generateChain(Path.of("target/generated-chains/long"), 25);

        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.LongChainAfter20.class));

        assertThat(outcomes.keySet()).filteredOn(name -> name.endsWith("runs again where it ran but is not recorded"))
                .containsExactlyInAnyOrder("21 \"create table 21\" (V21__create_table_21.sql) runs again where it ran but is"
                        + " not recorded", "22 \"create table 22\" (V22__create_table_22.sql) runs again where it"
                        + " ran but is not recorded", "23 \"create table 23\" (V23__create_table_23.sql) runs again"
                        + " where it ran but is not recorded", "24 \"create table 24\" (V24__create_table_24.sql)"
                        + " runs again where it ran but is not recorded", "25 \"create table 25\""
                        + " (V25__create_table_25.sql) runs again where it ran but is not recorded");
        assertThat(outcomes).containsEntry("20 of 25 migrations left out by MigrationSelection.after(\"20\")",
                "ABORTED: left out by the selection MigrationSelection.after(\"20\"): 1-20. contract()"
                        + ".select(Check.REPLAY_UNRECORDED, MigrationSelection.all()) checks them all.");
        assertThat(outcomes).containsEntry("20 of 24 migrations left out by MigrationSelection.after(\"20\")",
                "ABORTED: left out by the selection MigrationSelection.after(\"20\"): 1-20. contract()"
                        + ".select(Check.UPGRADE, MigrationSelection.all()) checks them all.");
        assertThat(outcomes.values()).filteredOn(v -> v.startsWith("FAILED")).isEmpty();
    }

    /** A chain of {@code size} migrations, each creating a table, written where a fixture class reads it. */
    static void generateChain(Path directory, int size) throws IOException {
        Files.createDirectories(directory);
        for (int i = 1; i <= size; i++) {
            Files.writeString(directory.resolve("V" + i + "__create_table_" + i + ".sql"),
                    "CREATE TABLE IF NOT EXISTS table_" + i + " (id bigint PRIMARY KEY, name text);\n");
        }
    }

    @Test
    void theSuiteSaysWhatItDidPerCheckAndAnAfterAllMethodCanReadIt() {
        EngineExecutionResults results = EngineRuns.run(ContractTestCases.Reported.class);
        assertThat(failures(results)).isEmpty();

        SuiteReport report = ContractTestCases.Reported.report;

        assertThat(report.chain()).isEqualTo("Flyway chain classpath:db/contract/repeatable-views");
        assertThat(report.checks()).extracting(SuiteReport.CheckRun::check).containsExactlyInAnyOrder(
                "clean install", "rerun", "upgrade", "up down up", "replay unrecorded");
        // 3 versioned migrations and 2 repeatables, each run once
        assertThat(report.check("clean install").orElseThrow()).satisfies(run -> {
            assertThat(run.tests()).isEqualTo(1);
            assertThat(run.migrationsExecuted()).isEqualTo(5);
        });
        assertThat(report.check("upgrade").orElseThrow().tests()).isEqualTo(2);
        assertThat(report.check("replay unrecorded").orElseThrow().tests()).isEqualTo(3);
        assertThat(report.migrationsExecuted()).isEqualTo(report.checks().stream()
                .mapToLong(SuiteReport.CheckRun::migrationsExecuted).sum()).isGreaterThan(5);
        assertThat(report.statesBuilt()).isPositive();
        assertThat(report.describe()).startsWith("Standard suite of the Flyway chain classpath:db/contract/"
                + "repeatable-views on PostgreSQL 17").contains("\n  clean install: 1 test, 5 migrations, ");
    }

    @Test
    void aRoundTripThatOnlyMovesAColumnPassesAndSaysSo() {
        Map<String, String> outcomes = outcomes(EngineRuns.run(ContractTestCases.ColumnOrder.class));

        assertThat(outcomes).containsEntry("2 \"drop legacy code\" (V2__drop_legacy_code.sql) rolls back to the schema"
                + " before it and applies again", "SUCCESSFUL");
        assertThat(ContractTestCases.ColumnOrder.report.notes()).singleElement().asString()
                .startsWith("up-down-up of 2 \"drop legacy code\" (V2__drop_legacy_code.sql): rolling it back changes"
                        + " the column order of ")
                .contains("public.accounts from (id, legacy_code, name) to (id, name, legacy_code)")
                .endsWith("the schema drift check still compares it.");
    }

    @Test
    void twoShardsTogetherRunExactlyThePerMigrationTestsOfOneUnshardedRunAndEachSaysWhatItLeftToTheOther() {
        List<Map.Entry<String, String>> unsharded = events(EngineRuns.run(ContractTestCases.LeakyUndo.class));
        List<Map.Entry<String, String>> first = events(EngineRuns.run(ContractTestCases.LeakyUndoFirstOfTwoShards.class));
        List<Map.Entry<String, String>> second = events(EngineRuns.run(ContractTestCases.LeakyUndoSecondOfTwoShards.class));

        // Three versions: shard 1 takes migration 1, shard 2 migrations 2 and 3, in every per-migration check.
        List<Map.Entry<String, String>> together = new ArrayList<>(perMigration(first));
        together.addAll(perMigration(second));
        assertThat(together).containsExactlyInAnyOrderElementsOf(perMigration(unsharded)).isNotEmpty();
        assertThat(perMigration(first)).allMatch(e -> e.getKey().startsWith("1 "));
        assertThat(perMigration(second)).noneMatch(e -> e.getKey().startsWith("1 "));
        assertThat(unsharded).noneMatch(e -> e.getKey().contains("shard"));
        // Said once per check, not once per test: replay, up-down-up, upgrade (from 1 and 2), broken states.
        assertThat(first).contains(Map.entry("2 of 3 migrations left to the other shards by migrationtest.shard=1/2",
                "ABORTED: left to the other shards by migrationtest.shard=1/2: 2-3; this shard checks 1"
                        + " (REPLAY_UNRECORDED)."));
        assertThat(second).contains(Map.entry("1 of 2 migrations left to the other shards by migrationtest.shard=2/2",
                "ABORTED: left to the other shards by migrationtest.shard=2/2: 1; this shard checks 2 (UPGRADE)."));
        assertThat(first).filteredOn(e -> e.getKey().contains("left to the other shards")).hasSize(4);
        assertThat(second).filteredOn(e -> e.getKey().contains("left to the other shards")).hasSize(4);
    }

    @Test
    void aShardThatIsNotKOfNFailsTheClassBeforeAnyTestNamingTheKeyAndTheForm() {
        for (Class<?> fixture : List.of(ContractTestCases.ShardBeyondTheCount.class,
                ContractTestCases.ShardNotOfTheForm.class)) {
            EngineExecutionResults results = EngineRuns.run(fixture);
            String value = fixture == ContractTestCases.ShardNotOfTheForm.class ? "x" : "3/2";
            assertThat(results.testEvents().started().count()).isZero();
            assertThat(EngineRuns.onlyFailure(results)).hasMessage("@MigrationTest on " + fixture.getSimpleName()
                    + " is misconfigured: migrationtest.shard is '" + value + "', but must be K/N, this job's number K"
                    + " from 1 to N of N jobs (e.g. 2/8; 1/1 runs everything). Set it with -Dmigrationtest.shard=...,"
                    + " the environment variable MIGRATIONTEST_SHARD, migrationtest.properties or the @MigrationTest"
                    + " attribute.");
        }
    }

    /** The per-migration tests of a run: all but the single ones (clean install, rerun) and the shards' notes. */
    private static List<Map.Entry<String, String>> perMigration(List<Map.Entry<String, String>> events) {
        return events.stream().filter(e -> !e.getKey().contains(" left to the other shards ")
                && !e.getKey().startsWith("an empty database") && !e.getKey().startsWith("migrating a database"))
                .toList();
    }

    /** Each test's display name and its outcome, in the order they finished (names may repeat across checks). */
    private static List<Map.Entry<String, String>> events(EngineExecutionResults results) {
        return results.testEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> Map.entry(e.getTestDescriptor().getDisplayName(), outcome(e))).toList();
    }

    /** Each test's display name, mapped to its status and (for failures and aborts) the message. */
    private static Map<String, String> outcomes(EngineExecutionResults results) {
        return results.testEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(), MigrationChainContractTests::outcome));
    }

    /** The messages of every failed test and container. */
    private static java.util.List<String> failures(EngineExecutionResults results) {
        return results.allEvents().stream().filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().map(Throwable::getMessage).orElse("")).toList();
    }

    private static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        return result.getStatus() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse("");
    }
}
