package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.scenarios.BrokenState;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link MigrationChainContract} checks a chain: which checks run, which migrations a check
 * skips (with the reason, which the report shows), how strictly migrations must be safe to run again,
 * which broken states the chain is expected to fail on, and where the committed schema lives.
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * @Override
 * public ContractSettings contract() {
 *     return ContractSettings.defaults()
 *             .skip(Check.UP_DOWN_UP, "7", "backfills data; its undo cannot restore it")
 *             .requireReplayAfter("41")                        // older migrations: reported, not required
 *             .select(Check.UPGRADE, MigrationSelection.last(30))  // upgrade from the last 30 versions only
 *             .expectFailure("12", BrokenState.Kind.VALUES_OUTSIDE_ENUM, Diagnosis.VALUES_OUTSIDE_ENUM_LABELS)
 *             .snapshot("src/test/resources/schema/billing.schema");
 * }
 * }</pre>
 */
public final class ContractSettings {

    private final Set<Check> checks;
    private final Map<String, String> skips;
    private final Optional<String> snapshot;
    private final Replay replay;
    private final Map<String, Diagnosis> expectedFailures;
    private final Map<Check, MigrationSelection> selections;

    /** How strictly migrations must survive being run again unrecorded. */
    private record Replay(boolean required, Optional<String> after) {
    }

    private ContractSettings(Set<Check> checks, Map<String, String> skips, Optional<String> snapshot, Replay replay,
            Map<String, Diagnosis> expectedFailures, Map<Check, MigrationSelection> selections) {
        this.checks = Set.copyOf(checks);
        this.skips = Map.copyOf(skips);
        this.snapshot = snapshot;
        this.replay = replay;
        this.expectedFailures = Map.copyOf(expectedFailures);
        this.selections = Map.copyOf(selections);
    }

    /**
     * All checks, no skips, every migration required to be safe to run again, every discovered broken
     * state to be survived, the snapshot at {@code src/test/resources/schema/<TestClass>.schema}; every
     * per-migration check runs for all migrations, the upgrade too where the chain's upgrades are checked
     * step by step; where they are not (see {@link #DEFAULT_UPGRADE}), the upgrade runs for {@link #DEFAULT_UPGRADE}.
     */
    public static ContractSettings defaults() {
        return new ContractSettings(EnumSet.allOf(Check.class), Map.of(), Optional.empty(),
                new Replay(true, Optional.empty()), Map.of(), Map.of());
    }

    /**
     * The default selection of the upgrade check of a chain whose upgrades are not checked step by step (it has
     * repeatable migrations, callbacks, Java migrations or {@code runAlways} changesets, or uses
     * {@code outOfOrder} or {@code baselineOnMigrate}; see docs/suite.md): the last 10 versions and 10 more spread
     * over the rest. There an upgrade from version i runs the N - i migrations after it, so upgrading from every
     * version runs about N²/2 (35,000 for 262 migrations); this selection runs at most about 10·N, and still
     * upgrades from the oldest version (the longest path), from versions all along the chain, and from each
     * recent one, where production databases are. {@code select(Check.UPGRADE, MigrationSelection.all())} asks
     * for all.
     */
    public static final MigrationSelection DEFAULT_UPGRADE = MigrationSelection.lastAndSpread(10, 10);

    /**
     * These settings with every per-migration check (upgrade, replay, up-down-up, broken states) run for the
     * selected migrations only; the report names the others once per check. Replaces the default selection
     * of the upgrade check too.
     */
    public ContractSettings select(MigrationSelection selection) {
        Map<Check, MigrationSelection> more = new HashMap<>();
        for (Check check : List.of(Check.UPGRADE, Check.REPLAY_UNRECORDED, Check.UP_DOWN_UP, Check.BROKEN_STATES)) {
            more.put(check, Objects.requireNonNull(selection, "selection"));
        }
        return new ContractSettings(checks, skips, snapshot, replay, expectedFailures, more);
    }

    /** These settings with one per-migration check run for the selected migrations only. */
    public ContractSettings select(Check check, MigrationSelection selection) {
        Map<Check, MigrationSelection> more = new HashMap<>(selections);
        more.put(Objects.requireNonNull(check, "check"), Objects.requireNonNull(selection, "selection"));
        return new ContractSettings(checks, skips, snapshot, replay, expectedFailures, more);
    }

    /**
     * The selection of a check: what {@code select} gave it, else all - except the upgrade check of a chain not
     * checked step by step, which then runs for {@link #DEFAULT_UPGRADE}.
     *
     * @param stepwise whether the chain's upgrades are checked step by step
     */
    MigrationSelection selection(Check check, boolean stepwise) {
        MigrationSelection fallback = check == Check.UPGRADE && !stepwise ? DEFAULT_UPGRADE : MigrationSelection.all();
        return selections.getOrDefault(check, fallback);
    }

    /**
     * These settings with only the migrations after {@code migrationId} required to be safe to run
     * again; the replays of earlier ones still run, and their failures are reported as skipped with
     * the reason instead of failing.
     */
    public ContractSettings requireReplayAfter(String migrationId) {
        return new ContractSettings(checks, skips, snapshot, new Replay(true, Optional.of(migrationId)),
                expectedFailures, selections);
    }

    /** These settings with no migration required to be safe to run again: replay failures are only reported. */
    public ContractSettings reportReplayOnly() {
        return new ContractSettings(checks, skips, snapshot, new Replay(false, Optional.empty()), expectedFailures,
                selections);
    }

    /**
     * These settings expecting the broken state of that kind, discovered for that migration, to make
     * the chain fail with {@code diagnosis} (instead of the default: the chain survives it).
     */
    public ContractSettings expectFailure(String migrationId, BrokenState.Kind kind, Diagnosis diagnosis) {
        Map<String, Diagnosis> more = new HashMap<>(expectedFailures);
        more.put(migrationId + "|" + kind, Objects.requireNonNull(diagnosis, "diagnosis"));
        return new ContractSettings(checks, skips, snapshot, replay, more, selections);
    }

    /** These settings without the given checks. */
    public ContractSettings without(Check... unwanted) {
        EnumSet<Check> remaining = EnumSet.allOf(Check.class);
        remaining.retainAll(checks);
        for (Check check : unwanted) {
            remaining.remove(check);
        }
        return new ContractSettings(remaining, skips, snapshot, replay, expectedFailures, selections);
    }

    /** These settings with one check skipped for one migration, for a reason the report shows. */
    public ContractSettings skip(Check check, String migrationId, String reason) {
        Map<String, String> more = new HashMap<>(skips);
        more.put(key(check, migrationId), Objects.requireNonNull(reason, "reason"));
        return new ContractSettings(checks, more, snapshot, replay, expectedFailures, selections);
    }

    /** These settings with the committed schema file at {@code path} (relative to the module). */
    public ContractSettings snapshot(String path) {
        return new ContractSettings(checks, skips, Optional.of(path), replay, expectedFailures, selections);
    }

    /** Whether the check runs at all. */
    public boolean runs(Check check) {
        return checks.contains(check);
    }

    /** Why the check skips the migration, if it does. */
    public Optional<String> skipReason(Check check, String migrationId) {
        return Optional.ofNullable(skips.get(key(check, migrationId)));
    }

    /** Whether the migration, at {@code position} among {@code versions}, must be safe to run again. */
    boolean replayRequired(Migration migration, List<Migration> versions) {
        if (!replay.required()) {
            return false;
        }
        return replay.after().map(after -> versions.indexOf(migration) > indexOf(after, versions)).orElse(true);
    }

    /** The diagnosis a discovered broken state is expected to fail with, if it is expected to fail. */
    Optional<Diagnosis> expectedFailure(String migrationId, BrokenState.Kind kind) {
        return Optional.ofNullable(expectedFailures.get(migrationId + "|" + kind));
    }

    /** The committed schema file of a test class. */
    public String snapshotFor(Class<?> testClass) {
        return snapshot.orElse("src/test/resources/schema/" + testClass.getSimpleName() + ".schema");
    }

    private static int indexOf(String id, List<Migration> versions) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("requireReplayAfter(\"" + id + "\") names no migration of the chain;"
                + " its migrations are " + versions.stream().map(Migration::id).toList() + ".");
    }

    private static String key(Check check, String migrationId) {
        return check + "|" + migrationId;
    }
}
