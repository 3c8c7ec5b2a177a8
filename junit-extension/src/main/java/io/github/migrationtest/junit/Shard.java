package io.github.migrationtest.junit;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.InvalidSettingException;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.scenarios.checks.ChainChecks;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CI job's share of the standard suite ({@code migrationtest.shard=K/N}): the K-th of N contiguous ranges
 * of the chain's versioned migrations, the same range for every per-migration check.
 *
 * <p>Contiguous rather than every N-th: the tests of migration k start from the states k-1 and k, which the
 * template cache builds from the nearest state below. A range of k migrations needs k + 1 neighbouring states,
 * each built from the one before it by one migration; every N-th migration would need two states per
 * migration, N migrations apart, and every job would walk the whole chain to build them.
 *
 * @param index K, from 1
 * @param count N, at least 1
 */
record Shard(int index, int count) {

    static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    // The shard of each class run's checks: the contract's test factories are given the checks only.
    private static final Map<ChainChecks, Shard> OF_CHECKS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The shard a configuration sets.
     *
     * @throws InvalidSettingException naming the key and the form when the value is not K/N with 1 ≤ K ≤ N
     */
    static Shard of(Configuration configuration) {
        String value = configuration.get(Setting.SHARD);
        Matcher form = FORM.matcher(value);
        if (form.matches()) {
            int index = Integer.parseInt(form.group(1));
            int count = Integer.parseInt(form.group(2));
            if (count >= 1 && index >= 1 && index <= count) {
                return new Shard(index, count);
            }
        }
        throw new InvalidSettingException(Setting.SHARD, value,
                "K/N, this job's number K from 1 to N of N jobs (e.g. 2/8; 1/1 runs everything)");
    }

    /** Remembers the shard of a class run's checks. */
    static void register(ChainChecks checks, Shard shard) {
        OF_CHECKS.put(checks, shard);
    }

    /** The shard of a class run's checks; all of the suite for checks the extension did not make. */
    static Shard of(ChainChecks checks) {
        return OF_CHECKS.getOrDefault(checks, ALL);
    }

    boolean isAll() {
        return count == 1;
    }

    /** The migrations of {@code migrations} in this shard's range of {@code versions} (the chain's versioned ones). */
    List<Migration> share(List<Migration> migrations, List<Migration> versions) {
        if (isAll()) {
            return migrations;
        }
        int from = (int) ((long) (index - 1) * versions.size() / count);
        int to = (int) ((long) index * versions.size() / count);
        List<Migration> range = versions.subList(from, to);
        return migrations.stream().filter(range::contains).toList();
    }

    /** The setting as written, e.g. {@code migrationtest.shard=2/8}. */
    String describe() {
        return Setting.SHARD.key() + "=" + index + "/" + count;
    }
}
