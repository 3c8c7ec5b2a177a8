package io.github.migrationtest.junit;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Which migrations a per-migration check of {@link MigrationChainContract} runs for: all of them, those
 * after or from a migration, a range, the last n, or the last n plus a spread over the rest. Given to
 * {@link ContractSettings#select(MigrationSelection)} (every per-migration check) or
 * {@link ContractSettings#select(Check, MigrationSelection)} (one check). The report names what a selection
 * leaves out once per check, not one skipped test per migration.
 *
 * <pre>{@code
 * ContractSettings.defaults()
 *         .select(MigrationSelection.after("41"))                        // older migrations are history
 *         .select(Check.UPGRADE, MigrationSelection.all());              // every start of the upgrade check
 * }</pre>
 */
public final class MigrationSelection {

    private final String description;
    private final BiFunction<List<Migration>, String, List<Migration>> rule;

    private MigrationSelection(String description, BiFunction<List<Migration>, String, List<Migration>> rule) {
        this.description = description;
        this.rule = rule;
    }

    /** Every migration. */
    public static MigrationSelection all() {
        return new MigrationSelection("all", (migrations, chain) -> migrations);
    }

    /** The migrations after {@code id}, not {@code id} itself. */
    public static MigrationSelection after(String id) {
        Objects.requireNonNull(id, "id");
        return new MigrationSelection("after(\"" + id + "\")", (migrations, chain) ->
                migrations.subList(indexOf(id, migrations, chain) + 1, migrations.size()));
    }

    /** The migrations from {@code id} on, {@code id} included. */
    public static MigrationSelection from(String id) {
        Objects.requireNonNull(id, "id");
        return new MigrationSelection("from(\"" + id + "\")", (migrations, chain) ->
                migrations.subList(indexOf(id, migrations, chain), migrations.size()));
    }

    /** The migrations from {@code first} to {@code last}, both included. */
    public static MigrationSelection between(String first, String last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        return new MigrationSelection("between(\"" + first + "\", \"" + last + "\")", (migrations, chain) -> {
            int from = indexOf(first, migrations, chain);
            int to = indexOf(last, migrations, chain);
            if (to < from) {
                throw new MigrationTestConfigurationException("MigrationSelection.between(\"" + first + "\", \""
                        + last + "\"): " + last + " comes before " + first + " in the chain; give the earlier first.");
            }
            return migrations.subList(from, to + 1);
        });
    }

    /** The last {@code n} migrations. */
    public static MigrationSelection last(int n) {
        requirePositive(n, "last");
        return new MigrationSelection("last(" + n + ")", (migrations, chain) ->
                migrations.subList(Math.max(0, migrations.size() - n), migrations.size()));
    }

    /**
     * The last {@code n} migrations, and {@code spread} more spread evenly over the others, the first one
     * always among them: a check whose cost grows with the migrations after its start (the upgrade) stays
     * linear in the chain's length, while it still starts from its oldest version, from versions all along
     * it, and from each recent one (where production databases and new migrations are).
     */
    public static MigrationSelection lastAndSpread(int n, int spread) {
        requirePositive(n, "lastAndSpread");
        requirePositive(spread, "lastAndSpread");
        return new MigrationSelection("lastAndSpread(" + n + ", " + spread + ")", (migrations, chain) -> {
            int older = Math.max(0, migrations.size() - n);
            TreeSet<Integer> picked = new TreeSet<>();
            for (int i = older; i < migrations.size(); i++) {
                picked.add(i);
            }
            for (int j = 0; j < spread && older > 0; j++) {
                picked.add((int) ((long) j * older / spread));
            }
            return picked.stream().map(migrations::get).toList();
        });
    }

    /** The migrations of {@code migrations} (in order) this selection takes, for a chain described so in errors. */
    List<Migration> select(List<Migration> migrations, String chain) {
        return List.copyOf(rule.apply(List.copyOf(migrations), chain));
    }

    /** The selection as code writes it, e.g. {@code last(10)}. */
    public String describe() {
        return "MigrationSelection." + description;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The left-out migrations as short ranges of ids, e.g. {@code 1-9, 11-19}. */
    static String ranges(List<Migration> all, List<Migration> left) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (!left.contains(all.get(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i + 1 < all.size() && left.contains(all.get(i + 1))) {
                i++;
            }
            parts.add(start == i ? all.get(start).id() : all.get(start).id() + "-" + all.get(i).id());
            i++;
        }
        return String.join(", ", parts);
    }

    private static int indexOf(String id, List<Migration> migrations, String chain) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new MigrationTestConfigurationException("MigrationSelection names migration '" + id + "', which the "
                + chain + " does not have among the migrations of this check: "
                + migrations.stream().map(Migration::id).collect(Collectors.joining(", ")) + ".");
    }

    private static void requirePositive(int n, String method) {
        if (n < 1) {
            throw new IllegalArgumentException("MigrationSelection." + method + " takes a count of at least 1, not " + n);
        }
    }
}
