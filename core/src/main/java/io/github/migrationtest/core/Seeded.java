package io.github.migrationtest.core;

/**
 * A state applied to a database by a {@link DatabaseSeed}, as long as it needs something kept open: a
 * session that holds a lock lives until this is closed, or until the database is.
 *
 * <p>Closing it never undoes what the seed wrote into the database; it only ends what the seed keeps
 * open. Closing it again does nothing.
 */
@FunctionalInterface
public interface Seeded extends AutoCloseable {

    /** A state that keeps nothing open. */
    Seeded NOTHING = () -> { };

    /** Ends what the state keeps open; does nothing the second time. */
    @Override
    void close();
}
