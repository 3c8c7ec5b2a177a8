package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.core.profile.MigrationProfile;
import java.util.Optional;

/**
 * The profile the last data check on this thread measured, for the JUnit extension's report to pick up
 * right after the check's test ran (a dynamic test runs on the thread that intercepts it).
 */
public final class ProfileLog {

    private static final ThreadLocal<MigrationProfile> LAST = new ThreadLocal<>();

    private ProfileLog() {
    }

    /** Remembers a profile measured (or looked up) on this thread. */
    public static void remember(MigrationProfile profile) {
        record(profile);
    }

    static void record(MigrationProfile profile) {
        LAST.set(profile);
    }

    /** The profile measured last on this thread since the last call, if any; clears it. */
    public static Optional<MigrationProfile> take() {
        MigrationProfile profile = LAST.get();
        LAST.remove();
        return Optional.ofNullable(profile);
    }
}
