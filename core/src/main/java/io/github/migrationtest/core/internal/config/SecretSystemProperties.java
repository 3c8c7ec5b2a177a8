package io.github.migrationtest.core.internal.config;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * System properties that hold secrets, whose values are taken out of the JVM's system properties as
 * soon as settings are read. Surefire copies every system property of the test JVM into its {@code TEST-*.xml}
 * reports when a test class ends, and CI keeps those reports as artifacts; a password given with
 * {@code -D} would end up there.
 */
final class SecretSystemProperties {

    /** What the system property holds once its value is taken: what surefire then writes into its reports. */
    static final String HIDDEN = "(hidden by migrationtest)";

    private static final Set<String> SECRETS = Set.of(Setting.EXTERNAL_PASSWORD.key());
    private static final Map<String, String> TAKEN = new ConcurrentHashMap<>();

    private SecretSystemProperties() {
    }

    /**
     * Moves the secrets that are system properties into this holder, leaving {@link #HIDDEN} in their
     * place, so that clearing the property later still means "not set".
     */
    static synchronized void takeAll() {
        for (String key : SECRETS) {
            String value = System.getProperty(key);
            if (value == null) {
                TAKEN.remove(key);
            } else if (!value.equals(HIDDEN)) {
                TAKEN.put(key, value);
                System.setProperty(key, HIDDEN);
            }
        }
    }

    /** A system property, secrets included: the value it had before it was taken out. */
    static String get(String key) {
        if (SECRETS.contains(key)) {
            takeAll();
            return TAKEN.get(key);
        }
        return System.getProperty(key);
    }
}
