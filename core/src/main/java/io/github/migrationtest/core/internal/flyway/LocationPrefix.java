package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells a misspelled location type ({@code classpth:}) from a directory name with a colon. */
final class LocationPrefix {

    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z][A-Za-z0-9-]+):(?!/)(.*)");

    private LocationPrefix() {
    }

    static void check(String location) {
        Matcher m = PREFIX.matcher(location);
        if (!m.matches()) {
            return;
        }
        String prefix = m.group(1).toLowerCase(Locale.ROOT);
        if (prefix.equals("classpath") || prefix.equals("filesystem")) {
            return;
        }
        String closest = distance(prefix, "classpath") <= distance(prefix, "filesystem") ? "classpath" : "filesystem";
        if (distance(prefix, closest) <= 3) {
            throw new MigrationTestConfigurationException("The Flyway location '" + location + "' starts with '"
                    + m.group(1) + ":', which is not a kind of location. Did you mean '" + closest + ":" + m.group(2)
                    + "'? Locations start with classpath: or filesystem:.");
        }
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
