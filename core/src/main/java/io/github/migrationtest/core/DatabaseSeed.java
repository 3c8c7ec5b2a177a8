package io.github.migrationtest.core;

import io.github.migrationtest.core.model.MigrationTestException;


/**
 * Something that puts a test's database into a state before the chain runs against it: rows, objects
 * created outside the chain, edits of the engine's history, a session holding the migration lock.
 *
 * <p>{@link MigrationDatabase#seed(DatabaseSeed)} applies one. The broken states of the scenarios module
 * implement it; a test can also write its own:
 *
 * <pre>{@code
 * db.seed(d -> {
 *     d.execute("CREATE SCHEMA auth");
 *     return Seeded.NOTHING;
 * });
 * }</pre>
 */
@FunctionalInterface
public interface DatabaseSeed {

    /**
     * Puts the database into this state.
     *
     * @param database the database, with its chain bound
     * @return what the state keeps open while it lasts (a session holding a lock), ended when it is
     *     closed; {@link Seeded#NOTHING} for a state that lives in the database alone
     * @throws MigrationTestException if the database cannot be put into the state, with the reason
     */
    Seeded applyTo(MigrationDatabase database);
}
