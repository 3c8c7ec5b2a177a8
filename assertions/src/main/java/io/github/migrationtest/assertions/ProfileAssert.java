package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ProfileErrors;
import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.LockMode;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.Rewrite;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what one migration did to a populated database: the locks it took, the relations it
 * rewrote, how long it blocked readers and writers.
 *
 * <pre>{@code
 * assertThat(profile).migration("42")
 *         .takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE, "orders")
 *         .rewritesNothing()
 *         .blocksWritesAtMost(Duration.ofMillis(200));
 * }</pre>
 */
public final class ProfileAssert extends AbstractAssert<ProfileAssert, MigrationProfile> {

    ProfileAssert(MigrationProfile actual) {
        super(actual, ProfileAssert.class);
    }

    /** Checks that every lock the migration held on the relation ({@code orders} or {@code public.orders}) is at most {@code most}. */
    public ProfileAssert takesNoLockStrongerThan(LockMode most, String relation) {
        isNotNull();
        List<LockHold> stronger = actual.locks().stream().filter(l -> MigrationProfile.matches(l.relation(), relation))
                .filter(l -> l.mode().isStrongerThan(most)).toList();
        if (!stronger.isEmpty()) {
            throw assertionError(ProfileErrors.lockTooStrong(actual, most, relation, stronger));
        }
        return myself;
    }

    /** Checks that every lock the migration held on an existing table is at most {@code most}. */
    public ProfileAssert takesNoLockStrongerThan(LockMode most) {
        isNotNull();
        List<LockHold> stronger = actual.locks().stream().filter(l -> l.kind().equals("table"))
                .filter(l -> l.mode().isStrongerThan(most)).toList();
        if (!stronger.isEmpty()) {
            throw assertionError(ProfileErrors.lockTooStrong(actual, most, "any table", stronger));
        }
        return myself;
    }

    /** Checks that the migration replaced the data files of no table or index. */
    public ProfileAssert rewritesNothing() {
        isNotNull();
        List<Rewrite> rewrites = actual.rewrites();
        if (!rewrites.isEmpty()) {
            throw assertionError(ProfileErrors.rewrote(actual, rewrites));
        }
        return myself;
    }

    /** Checks that no lock that blocks INSERT, UPDATE and DELETE was held (or waited for) longer than {@code most}. */
    public ProfileAssert blocksWritesAtMost(Duration most) {
        isNotNull();
        if (actual.writesBlocked().compareTo(most) > 0) {
            throw assertionError(ProfileErrors.blockedTooLong(actual, "writes", most, actual.writesBlocked(),
                    actual.locks().stream().filter(l -> l.mode().blocksWrites()).toList()));
        }
        return myself;
    }

    /** Checks that no lock that blocks SELECT was held (or waited for) longer than {@code most}. */
    public ProfileAssert blocksReadsAtMost(Duration most) {
        isNotNull();
        if (actual.readsBlocked().compareTo(most) > 0) {
            throw assertionError(ProfileErrors.blockedTooLong(actual, "reads", most, actual.readsBlocked(),
                    actual.locks().stream().filter(l -> l.mode().blocksReads()).toList()));
        }
        return myself;
    }
}
