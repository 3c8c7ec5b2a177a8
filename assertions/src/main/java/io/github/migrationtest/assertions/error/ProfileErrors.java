package io.github.migrationtest.assertions.error;

import io.github.migrationtest.core.profile.LockHold;
import io.github.migrationtest.core.profile.LockMode;
import io.github.migrationtest.core.profile.MigrationProfile;
import io.github.migrationtest.core.profile.Rewrite;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Messages about the lock and rewrite profile of migrations. */
public final class ProfileErrors {

    private ProfileErrors() {
    }

    /** {@code Expecting a profile of migration 9, but the chain's profiled migrations are [1, 2, 3].} */
    public static Message noSuchMigration(String id, List<String> ids) {
        return Message.of("Expecting a profile of migration " + id + ", but the chain's profiled migrations are " + ids
                + ".");
    }

    /**
     * <pre>
     * Expecting migration 7 "index kind" (V7__index_kind.sql) to take no lock stronger than SHARE UPDATE EXCLUSIVE on events, but it took:
     *   SHARE on table public.events for 412 ms (CREATE INDEX events_kind_idx ON events (kind))
     * </pre>
     */
    public static Message lockTooStrong(MigrationProfile profile, LockMode most, String relation, List<LockHold> locks) {
        return Message.of("Expecting migration " + profile.displayName() + " to take no lock stronger than "
                + most.sqlName() + " on " + relation + ", but it took:\n" + lines(locks.stream().map(LockHold::describe)
                .toList()));
    }

    /** The migration rewrote relations. */
    public static Message rewrote(MigrationProfile profile, List<Rewrite> rewrites) {
        return Message.of("Expecting migration " + profile.displayName() + " to rewrite nothing, but it rewrote:\n"
                + lines(rewrites.stream().map(Rewrite::describe).toList()));
    }

    /** The migration blocked writes (or reads) longer than allowed. */
    public static Message blockedTooLong(MigrationProfile profile, String what, Duration most, Duration actual,
            List<LockHold> locks) {
        return Message.of("Expecting migration " + profile.displayName() + " to block " + what + " for at most "
                + most.toMillis() + " ms, but it blocked them for " + actual.toMillis() + " ms:\n"
                + lines(locks.stream().map(LockHold::describe).toList()));
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
