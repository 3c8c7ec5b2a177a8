package io.github.migrationtest.core.internal.flyway;

import java.util.Arrays;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * Leaves repeatable SQL migrations out of a run that stops at a target, so that a database migrated to
 * version k holds what production had at k: the versioned migrations up to k. Flyway itself applies every
 * {@code R__} script on every run, target or not; but the {@code R__} scripts a chain has today are those of
 * its head, and their views and functions usually refer to tables and columns that later versions create -
 * applied at k they fail, or build objects production never had at k. The run that reaches the head applies
 * them, as Flyway does in production after the versioned migrations of a release.
 */
final class RepeatablesAtHead {

    // No script name starts with this, so Flyway resolves no repeatable SQL migration at all.
    private static final String NO_REPEATABLES = "migrationtest-repeatables-at-head-only::";

    private RepeatablesAtHead() {
    }

    /** The configuration of a run to a target, with repeatable SQL migrations left to the run that reaches the head. */
    static void apply(FluentConfiguration configuration) {
        configuration.repeatableSqlMigrationPrefix(NO_REPEATABLES);
        // With the prefix gone, R__ files are files of no known kind; naming validation would reject them.
        configuration.validateMigrationNaming(false);
        // A database that was at the head once (rolled back since) has repeatables in its history that this
        // run no longer resolves: not drift.
        ValidatePattern[] patterns = configuration.getIgnoreMigrationPatterns();
        ValidatePattern[] more = Arrays.copyOf(patterns, patterns.length + 1);
        more[patterns.length] = ValidatePattern.fromPattern("repeatable:missing");
        configuration.ignoreMigrationPatterns(more);
    }
}
