package io.github.migrationtest.core.internal.dump;

/** What loading a dump does with a statement that names a role the server does not have. */
public enum RolePolicy {
    /** Leave the statement out (an owner, a grant, a policy for that role) and list it in the load report. */
    SKIP,
    /** Create the role ({@code NOLOGIN}) and run the statement; roles are server-wide and outlive the database. */
    CREATE
}
