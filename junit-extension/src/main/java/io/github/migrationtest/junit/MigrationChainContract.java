package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.scenarios.BrokenState;
import io.github.migrationtest.scenarios.checks.ChainChecks;
import io.github.migrationtest.scenarios.Scenario;
import io.github.migrationtest.scenarios.checks.NoRollbackException;
import io.github.migrationtest.scenarios.checks.StateUnavailableException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.TestAbortedException;

/**
 * The standard suite of a migration chain, for a {@code @MigrationTest} class to implement: clean
 * install, rerun, replay of unrecorded migrations (idempotency), up-down-up rollback round trips,
 * upgrade from every version, schema drift, and the broken states discovery finds for the chain.
 * Each check is a dynamic test per migration, named after the migration and the property, so a red
 * test says which migration broke what.
 *
 * <pre>{@code
 * @MigrationTest(flyway = "classpath:db/migration")
 * class BillingChainTests implements MigrationChainContract {
 * }
 * }</pre>
 *
 * Override {@link #contract()} to turn checks off, select or skip migrations, or move the committed
 * schema file. After the class, the suite prints what it did (migrations executed, states built, time per
 * check); an {@code @AfterAll} method may declare a {@link io.github.migrationtest.scenarios.checks.SuiteReport}
 * parameter to read it. With {@code migrationtest.shard=K/N} a CI job runs only the K-th of N contiguous ranges of
 * the per-migration tests (see docs/suite.md).
 *
 * <p>The checks run in a fixed order, the upgrade first, so that the states they share are built in ascending
 * order, each from the one before by one migration; a class that declares its own {@code @TestMethodOrder}
 * gets the same results at a higher cost. The order asks for no execution mode, so JUnit's parallel execution
 * applies as the build configures it.
 */
@TestMethodOrder(ContractOrder.class)
public interface MigrationChainContract {

    /** How the checks run; override to change the defaults. */
    default ContractSettings contract() {
        return ContractSettings.defaults();
    }

    /** An empty database migrates to the head, and the history records every migration. */
    @TestFactory
    @DisplayName("clean install")
    default Stream<DynamicTest> cleanInstall(ChainChecks checks) {
        return single(checks, Check.CLEAN_INSTALL, "an empty database migrates to the head", checks::cleanInstall);
    }

    /** A database at the head migrates again without applying or changing anything. */
    @TestFactory
    @DisplayName("rerun")
    default Stream<DynamicTest> rerunAppliesNothing(ChainChecks checks) {
        return single(checks, Check.RERUN, "migrating a database at the head again applies nothing",
                checks::rerunAppliesNothing);
    }

    /** A database at each earlier version migrates to the head and ends with the schema of a clean install. */
    @TestFactory
    @DisplayName("upgrade from every version")
    default Stream<DynamicTest> upgradeFromEveryVersion(ChainChecks checks) {
        List<Migration> versions = checks.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        if (!contract().runs(Check.UPGRADE)) {
            return Stream.empty();
        }
        boolean stepwise;
        try {
            stepwise = checks.fullUpgradeReason().isEmpty();
        } catch (StateUnavailableException e) {
            return Stream.of(DynamicTest.dynamicTest("upgrade", () -> {
                throw new TestAbortedException(e.getMessage());
            }));
        }
        return perMigration(checks, Check.UPGRADE, versions.subList(0, Math.max(0, versions.size() - 1)),
                contract().selection(Check.UPGRADE, stepwise), "upgrades to the head like a clean install",
                checks::upgradeFrom);
    }

    /**
     * Each migration applies, rolls back to the schema before it (leaving nothing behind) and applies
     * again to the same schema. Migrations without a rollback are reported as skipped, with the reason.
     */
    @TestFactory
    @DisplayName("up-down-up")
    default Stream<DynamicTest> rollbackRoundTrips(ChainChecks checks) {
        List<Migration> versions = checks.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        return perMigration(checks, Check.UP_DOWN_UP, versions, contract().selection(Check.UP_DOWN_UP, true),
                "rolls back to the schema before it and applies again",
                migration -> {
                    try {
                        checks.upDownUp(migration);
                    } catch (NoRollbackException e) {
                        throw new TestAbortedException("no rollback to check: " + e.getMessage());
                    }
                });
    }

    /**
     * Each migration is safe to run again: on a database where it ran but is not recorded, running it
     * again succeeds and leaves the schema as it was. Required for all migrations by default; see
     * {@link ContractSettings#requireReplayAfter(String)} and {@link ContractSettings#reportReplayOnly()}.
     * A migration known not to be safe can be declared with
     * {@code expectFailure(id, BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED, diagnosis)}: its replay
     * must then fail with that diagnosis.
     */
    @TestFactory
    @DisplayName("replay unrecorded")
    default Stream<DynamicTest> replayUnrecorded(ChainChecks checks) {
        ContractSettings settings = contract();
        List<Migration> versions = checks.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        return perMigration(checks, Check.REPLAY_UNRECORDED, versions,
                settings.selection(Check.REPLAY_UNRECORDED, true), "runs again where it ran but is not recorded",
                migration -> {
                    try {
                        checks.replayUnrecorded(migration, settings.expectedFailure(migration.id(),
                                BrokenState.Kind.OBJECTS_PRESENT_BUT_UNRECORDED));
                    } catch (AssertionError e) {
                        if (settings.replayRequired(migration, versions)) {
                            throw e;
                        }
                        throw new TestAbortedException("reported, not required by contract(): " + e.getMessage());
                    }
                });
    }

    /**
     * Each broken state discovery offers for the chain (observed from what each migration does):
     * the chain survives it, or fails with the diagnosis the class expects
     * ({@link ContractSettings#expectFailure}).
     */
    @TestFactory
    @DisplayName("broken states")
    default Stream<DynamicTest> discoveredBrokenStates(ChainChecks checks) {
        if (!contract().runs(Check.BROKEN_STATES)) {
            return Stream.empty();
        }
        ContractSettings settings = contract();
        List<Migration> versions = checks.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        MigrationSelection selection = settings.selection(Check.BROKEN_STATES, true);
        List<Migration> selected = selection.select(versions, "chain");
        List<Migration> share = Shard.of(checks).share(selected, versions);
        Stream<DynamicTest> notes = Stream.concat(leftOut(Check.BROKEN_STATES, versions, selected, selection),
                leftToOtherShards(Check.BROKEN_STATES, versions, selected, share, Shard.of(checks)));
        List<Scenario> scenarios;
        try {
            List<List<Scenario>> found = new java.util.ArrayList<>();
            // A shard discovers its own range only: discovery builds the states around each migration it observes.
            checks.measure(reportName(Check.BROKEN_STATES), () -> found.add(Shard.of(checks).isAll()
                    ? checks.discoveredScenarios() : checks.discoveredScenarios(share)));
            scenarios = found.get(0);
        } catch (StateUnavailableException e) {
            return Stream.concat(notes, Stream.of(DynamicTest.dynamicTest("discovery", () -> {
                throw new TestAbortedException(e.getMessage());
            })));
        }
        return Stream.concat(notes, scenarios.stream()
                .filter(scenario -> share.contains(scenario.migration())).map(scenario -> {
            Optional<Diagnosis> expected = settings.expectedFailure(scenario.migration().id(), scenario.state().kind());
            String outcome = expected.map(d -> "fails with " + d).orElse("the chain survives it");
            return DynamicTest.dynamicTest(scenario.name() + ": " + outcome, () -> {
                var reason = settings.skipReason(Check.BROKEN_STATES, scenario.migration().id());
                if (reason.isPresent()) {
                    throw new TestAbortedException("skipped by contract(): " + reason.get());
                }
                checks.measure(reportName(Check.BROKEN_STATES), () -> once(() -> checks.brokenState(scenario, expected)));
            });
        }));
    }

    /** The head schema equals the committed schema file (written by -Dmigrationtest.update-snapshots=true). */
    @TestFactory
    @DisplayName("schema drift")
    default Stream<DynamicTest> schemaMatchesCommittedSnapshot(ChainChecks checks) {
        String file = contract().snapshotFor(getClass());
        return single(checks, Check.SNAPSHOT, "the head schema matches " + file,
                () -> checks.matchesSnapshot(Paths.get(file)));
    }

    private Stream<DynamicTest> single(ChainChecks checks, Check check, String name, Runnable body) {
        if (!contract().runs(check)) {
            return Stream.empty();
        }
        return Stream.of(DynamicTest.dynamicTest(name, () -> checks.measure(reportName(check), () -> once(body))));
    }

    /** The check's name in the suite's report, e.g. {@code replay unrecorded}. */
    private static String reportName(Check check) {
        return check.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Runs a check; one whose state cannot be built for a cause reported already is aborted, in one line. */
    private static void once(Runnable check) {
        try {
            check.run();
        } catch (StateUnavailableException e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    private Stream<DynamicTest> perMigration(ChainChecks checks, Check check, List<Migration> migrations,
            MigrationSelection selection, String property, Consumer<Migration> body) {
        if (!contract().runs(check)) {
            return Stream.empty();
        }
        ContractSettings settings = contract();
        List<Migration> selected = selection.select(migrations, "chain");
        List<Migration> versions = checks.migrations().stream().filter(m -> !m.isRepeatable()).toList();
        List<Migration> share = Shard.of(checks).share(selected, versions);
        return Stream.of(leftOut(check, migrations, selected, selection),
                leftToOtherShards(check, migrations, selected, share, Shard.of(checks)),
                share.stream().map(m -> DynamicTest.dynamicTest(m.displayName() + " " + property, () -> {
            var reason = settings.skipReason(check, m.id());
            if (reason.isPresent()) {
                throw new TestAbortedException("skipped by contract(): " + reason.get());
            }
            checks.measure(reportName(check), () -> once(() -> body.accept(m)));
        }))).flatMap(tests -> tests);
    }

    /**
     * One aborted test that names the selected migrations this CI job leaves to the other shards
     * ({@code migrationtest.shard}); none when it runs them all.
     */
    private static Stream<DynamicTest> leftToOtherShards(Check check, List<Migration> migrations,
            List<Migration> selected, List<Migration> share, Shard shard) {
        if (share.size() == selected.size()) {
            return Stream.empty();
        }
        List<Migration> left = selected.stream().filter(m -> !share.contains(m)).toList();
        String name = left.size() + " of " + selected.size() + " migrations left to the other shards by "
                + shard.describe();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            throw new TestAbortedException("left to the other shards by " + shard.describe() + ": "
                    + MigrationSelection.ranges(migrations, left) + (share.isEmpty() ? "; this shard checks none of"
                    + " them" : "; this shard checks " + MigrationSelection.ranges(migrations, share)) + " (" + check
                    + ").");
        }));
    }

    /** One aborted test that names the migrations the check's selection leaves out; none if it takes all. */
    private static Stream<DynamicTest> leftOut(Check check, List<Migration> migrations, List<Migration> selected,
            MigrationSelection selection) {
        if (selected.size() == migrations.size()) {
            return Stream.empty();
        }
        List<Migration> left = migrations.stream().filter(m -> !selected.contains(m)).toList();
        String name = left.size() + " of " + migrations.size() + " migrations left out by "
                + selection.describe();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            throw new TestAbortedException("left out by the selection " + selection.describe()
                    + ": " + MigrationSelection.ranges(migrations, left) + ". contract().select(Check." + check
                    + ", MigrationSelection.all()) checks them all.");
        }));
    }
}
