package io.github.migrationtest.core.internal;

/**
 * The application names migrationtest's connections carry, as {@code pg_stat_activity} shows them: the run
 * pipeline ends sessions by them, diagnoses recognise whose session holds what, and people find their way
 * around a kept database by them.
 */
public final class ApplicationNames {

    /** A test's own connections. */
    public static final String TEST = "migrationtest";

    /** The engine's connections during a run; the time limit ends these. */
    public static final String ENGINE = "migrationtest-migrate";

    /** Reading the engine's history table. */
    public static final String HISTORY = "migrationtest-history";

    /** Queries for the evidence of a diagnosis. */
    public static final String DIAGNOSIS = "migrationtest-diagnosis";

    /** The session that ends a run's engine sessions when its time limit strikes. */
    public static final String TIMEOUT = "migrationtest-timeout";

    /** Reading what every session waited on when the time limit struck. */
    public static final String WAIT_REPORT = "migrationtest-report";

    /** The session a stuck-lock state keeps open, holding the engine's migration lock. */
    public static final String STUCK_MIGRATOR = "migrationtest-stuck-migrator";

    private ApplicationNames() {
    }
}
