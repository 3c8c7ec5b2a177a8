package io.github.migrationtest.core.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * What a probe session that read or wrote a table while the migration ran waited for.
 *
 * @param table the table, qualified
 * @param probe whether the probe read or wrote
 * @param longest its longest single wait for the table's lock
 * @param attempts how many times it took the lock while the migration ran
 */
public record ProbeWait(String table, Probe probe, Duration longest, int attempts) {

    /** What a probe session does to a table. */
    public enum Probe {
        /** Takes the lock a SELECT takes. */
        READ,
        /** Takes the lock an INSERT takes. */
        WRITE
    }

    /** Validates the components. */
    public ProbeWait {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(longest, "longest");
    }
}
