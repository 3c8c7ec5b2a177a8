package io.github.migrationtest.core.internal;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Setting;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL major versions migrationtest knows how to provide. */
public final class PostgresVersions {

    /** Oldest supported major version. */
    public static final int OLDEST = 12;
    /** Newest supported major version. */
    public static final int NEWEST = 18;

    private PostgresVersions() {
    }

    /**
     * Reads a list of major versions such as {@code "15, 17"}.
     *
     * @throws MigrationTestConfigurationException for anything that is not a supported major version
     */
    public static List<Integer> parseMajors(String text) {
        List<Integer> majors = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                majors.add(parseMajor(part.trim()));
            }
        }
        if (majors.isEmpty()) {
            throw new MigrationTestConfigurationException("No PostgreSQL version given in '" + text
                    + "'. Name a major version, e.g. postgres = \"17\" or -D" + Setting.POSTGRES.key() + "=17.");
        }
        return List.copyOf(majors);
    }

    /** Reads one major version such as {@code "17"}. */
    public static int parseMajor(String text) {
        int major;
        try {
            major = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw unknown(text, "is not a major version number");
        }
        if (major < OLDEST || major > NEWEST) {
            throw unknown(text, "is not a PostgreSQL major version migrationtest supports");
        }
        return major;
    }

    private static MigrationTestConfigurationException unknown(String text, String problem) {
        return new MigrationTestConfigurationException("PostgreSQL version '" + text + "' " + problem
                + ". Use a major version from " + OLDEST + " to " + NEWEST + ", e.g. postgres = {\"15\", \"17\"}"
                + " (minor versions come from the image or binaries you use).");
    }
}
