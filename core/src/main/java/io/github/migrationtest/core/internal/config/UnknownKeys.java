package io.github.migrationtest.core.internal.config;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one rule for {@code migrationtest.*} keys, whatever their source: a key that is not a
 * {@link Setting} is a typo, and a typo that is ignored silently (nothing kept, nothing said) costs
 * more than a failed run. The message names the key, where it came from and the closest known key.
 */
public final class UnknownKeys {

    private static final String PREFIX = "migrationtest.";
    private static final String ENVIRONMENT_PREFIX = "MIGRATIONTEST_";

    /**
     * Keys that are not settings of the library but are read by this repository's own build
     * ({@code -Dmigrationtest.require-docker}, {@code MIGRATIONTEST_REQUIRE_DOCKER} in CI): accepted so
     * that the rule does not fail the build that tests it.
     */
    private static final Set<String> BUILD_KEYS = Set.of("migrationtest.require-docker");

    private UnknownKeys() {
    }

    /** Whether a key is a setting (or one of the build's own keys). */
    public static boolean isKnown(String key) {
        return BUILD_KEYS.contains(key) || Arrays.stream(Setting.values()).anyMatch(s -> s.key().equals(key));
    }

    /** Checks the machine's sources: system properties, environment variables and the properties file. */
    static void checkMachine(Properties file, String fileLocation) {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, ""));
        check(properties, System.getenv(), file.stringPropertyNames(), fileLocation);
    }

    /**
     * Checks every {@code migrationtest.*} key of the sources.
     *
     * @param systemProperties the JVM's system properties
     * @param environment the environment variables
     * @param file the keys of {@code migrationtest.properties}, and where that file is
     * @throws MigrationTestConfigurationException for the first unknown key, with the closest known one
     */
    static void check(Map<String, String> systemProperties, Map<String, String> environment, Set<String> file,
            String fileLocation) {
        for (String key : new TreeSet<>(systemProperties.keySet())) {
            if (key.startsWith(PREFIX) && !isKnown(key)) {
                throw unknown("The system property -D" + key, key);
            }
        }
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(ENVIRONMENT_PREFIX) && knownKeys().stream()
                    .noneMatch(k -> Setting.environmentVariableOf(k).equals(name))) {
                throw unknownVariable(name);
            }
        }
        for (String key : new TreeSet<>(file)) {
            if (key.startsWith(PREFIX) && !isKnown(key)) {
                throw unknown(Configuration.PROPERTIES_FILE + " (" + fileLocation + ")", key);
            }
        }
    }

    /**
     * The error for an unknown key from one source.
     *
     * @param source where the key was set, e.g. {@code @MigrationTest(properties)}, as the message's subject
     * @param key the key
     */
    public static MigrationTestConfigurationException unknown(String source, String key) {
        return new MigrationTestConfigurationException(source + " sets unknown key '" + key + "'. Did you mean '"
                + closest(key, settingKeys()) + "'? The keys are: " + String.join(", ", settingKeys())
                + " (engine settings start with flyway. or liquibase.; they are read from @MigrationTest(properties)"
                + " and " + Configuration.PROPERTIES_FILE + " only).");
    }

    private static MigrationTestConfigurationException unknownVariable(String name) {
        List<String> variables = settingKeys().stream().map(Setting::environmentVariableOf).toList();
        return new MigrationTestConfigurationException("The environment variable " + name + " is not a migrationtest"
                + " setting. Did you mean " + closest(name, variables) + "? The variables are: "
                + String.join(", ", variables) + ".");
    }

    private static List<String> settingKeys() {
        return Arrays.stream(Setting.values()).map(Setting::key).toList();
    }

    private static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(settingKeys());
        keys.addAll(BUILD_KEYS);
        return keys;
    }

    static String closest(String key, List<String> candidates) {
        String lower = key.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(c -> c))
                .orElseThrow();
    }

    /** Levenshtein distance: small for the typos people make (a letter dropped, two swapped). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}
