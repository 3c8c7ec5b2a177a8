package io.github.migrationtest.core.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Passwords for the servers migrationtest starts: random per server, never printed. */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A new random password of 36 hex characters. */
    public static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
