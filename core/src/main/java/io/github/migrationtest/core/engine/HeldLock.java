package io.github.migrationtest.core.engine;

/**
 * An engine's migration lock taken by {@link EngineHistory#holdLock}, held until this is closed. Closing it again
 * does nothing.
 */
@FunctionalInterface
public interface HeldLock extends AutoCloseable {

    /** A lock that lives in a row of the database and outlives this handle (Liquibase's): nothing to close. */
    HeldLock IN_THE_DATABASE = () -> { };

    /** Lets go of the lock, where a session of its own holds it. */
    @Override
    void close();
}
