package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.Seeded;
import java.util.Objects;
import java.util.Optional;

/**
 * A broken state that applies to one migration of a chain: the database just before the migration, put
 * into the state. A chain resilient to it migrates from there to its head.
 *
 * <pre>{@code
 * for (Scenario scenario : Scenarios.discover(db).scenarios()) {   // each on a database of its own
 *     scenario.prepare(db);
 *     assertThat(db.migrate()).succeeded();
 * }
 * }</pre>
 *
 * @param migration the migration the state applies to
 * @param previous the migration the database must be at before the state is applied; empty for the first
 *     migration (an empty database)
 * @param state the broken state
 */
public record Scenario(Migration migration, Optional<Migration> previous, BrokenState state) {

    /** Validates the components. */
    public Scenario {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(state, "state");
    }

    /** The id of the migration the database must be at first ({@code @At} takes it); empty for an empty database. */
    public Optional<String> startAt() {
        return previous.map(Migration::id);
    }

    /** A name for a test: the migration and the state, e.g. {@code 2 "cast industry": values outside enum labels: public.companies.industry_type}. */
    public String name() {
        return migration.id() + (migration.description().isEmpty() ? "" : " \"" + migration.description() + "\"")
                + ": " + state.name();
    }

    /**
     * Migrates the database to {@link #startAt()} (nothing to do for a clone already there) and applies the state.
     * For the first migration, the database gets the engine's history table first, as in production, where the
     * engine creates it before migration 1 runs: a state seeded into a database without it would only show that
     * the engine refuses a non-empty database it has never seen.
     *
     * @param database an empty database, or one at {@link #startAt()}
     * @return what the state keeps open, closed with the database at the latest
     * @throws MigrationTestException if the chain fails on the way, or the state cannot be applied
     */
    public Seeded prepare(MigrationDatabase database) {
        if (previous.isPresent()) {
            MigrationResult result = database.migrateTo(previous.get().id());
            if (!result.succeeded()) {
                throw new MigrationTestException("Scenario " + name() + ": the chain fails on the way to migration "
                        + previous.get().id() + ":\n  " + result.describe().replace("\n", "\n  "));
            }
        } else {
            database.chain().initializeHistory(database.dataSource());
        }
        return database.seed(state);
    }

    @Override
    public String toString() {
        return name();
    }
}
