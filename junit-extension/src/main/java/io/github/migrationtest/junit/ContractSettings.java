package io.github.migrationtest.junit;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link MigrationChainContract} checks a chain: which checks run, which migrations a check
 * skips (with the reason, which the report shows), and where the committed schema lives. Immutable;
 * each method returns a changed copy.
 *
 * <pre>{@code
 * @Override
 * public ContractSettings contract() {
 *     return ContractSettings.defaults()
 *             .skip(Check.UP_DOWN_UP, "7", "backfills data; its undo cannot restore it")
 *             .snapshot("src/test/resources/schema/billing.schema");
 * }
 * }</pre>
 */
public final class ContractSettings {

    private final Set<Check> checks;
    private final Map<String, String> skips;
    private final Optional<String> snapshot;

    private ContractSettings(Set<Check> checks, Map<String, String> skips, Optional<String> snapshot) {
        this.checks = Set.copyOf(checks);
        this.skips = Map.copyOf(skips);
        this.snapshot = snapshot;
    }

    /** All checks, no skips, the snapshot at {@code src/test/resources/schema/<TestClass>.schema}. */
    public static ContractSettings defaults() {
        return new ContractSettings(EnumSet.allOf(Check.class), Map.of(), Optional.empty());
    }

    /** These settings without the given checks. */
    public ContractSettings without(Check... unwanted) {
        EnumSet<Check> remaining = EnumSet.allOf(Check.class);
        remaining.retainAll(checks);
        for (Check check : unwanted) {
            remaining.remove(check);
        }
        return new ContractSettings(remaining, skips, snapshot);
    }

    /** These settings with one check skipped for one migration, for a reason the report shows. */
    public ContractSettings skip(Check check, String migrationId, String reason) {
        Map<String, String> more = new HashMap<>(skips);
        more.put(key(check, migrationId), Objects.requireNonNull(reason, "reason"));
        return new ContractSettings(checks, more, snapshot);
    }

    /** These settings with the committed schema file at {@code path} (relative to the module). */
    public ContractSettings snapshot(String path) {
        return new ContractSettings(checks, skips, Optional.of(path));
    }

    /** Whether the check runs at all. */
    public boolean runs(Check check) {
        return checks.contains(check);
    }

    /** Why the check skips the migration, if it does. */
    public Optional<String> skipReason(Check check, String migrationId) {
        return Optional.ofNullable(skips.get(key(check, migrationId)));
    }

    /** The committed schema file of a test class. */
    public String snapshotFor(Class<?> testClass) {
        return snapshot.orElse("src/test/resources/schema/" + testClass.getSimpleName() + ".schema");
    }

    private static String key(Check check, String migrationId) {
        return check + "|" + migrationId;
    }
}
