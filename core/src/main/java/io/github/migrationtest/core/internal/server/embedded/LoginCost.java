package io.github.migrationtest.core.internal.server.embedded;

import java.util.List;

/**
 * How expensive a password login to an embedded server is. Every test opens several connections, and
 * SCRAM's default 4096 rounds of PBKDF2, paid by both client and server, cost 2-3 ms each. The server
 * listens on 127.0.0.1 only and its password is random (see {@code Passwords}); the rounds guard a
 * stolen verifier against guessing, and a random password of that length cannot be guessed at any
 * round count. So from PostgreSQL 16, where {@code scram_iterations} exists, the verifier is made
 * with one round: still SCRAM, still a password, no longer a cost. See docs/performance.md.
 */
final class LoginCost {

    /** The rounds of the superuser's SCRAM verifier; PostgreSQL's minimum. */
    static final int SCRAM_ITERATIONS = 1;

    private LoginCost() {
    }

    /**
     * Options for initdb: the setting is used for the password initdb sets and written into the
     * cluster's configuration for passwords set later. Empty before PostgreSQL 16.
     */
    static List<String> initdbOptions(int major) {
        return major >= 16 ? List.of("-c", "scram_iterations=" + SCRAM_ITERATIONS) : List.of();
    }
}
