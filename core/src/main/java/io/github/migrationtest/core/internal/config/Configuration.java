package io.github.migrationtest.core.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The resolved settings of a run.
 *
 * <p>A key is looked up, first match wins, in: explicit values (the {@code @MigrationTest}
 * attributes a test sets), system properties, environment variables ({@code migrationtest.keep-failed}
 * → {@code MIGRATIONTEST_KEEP_FAILED}), the test framework's configuration parameters (JUnit's
 * {@code junit-platform.properties} and launcher parameters, which Gradle and IDEs pass without {@code -D}), the
 * first {@code migrationtest.properties} on the class path, and finally the {@link Setting#defaultValue() default}. Explicit values win because they are
 * what a test says about itself; everything else describes the machine the tests run on.
 */
public final class Configuration {

    /** Name of the optional properties file on the class path. */
    public static final String PROPERTIES_FILE = "migrationtest.properties";

    private final Map<String, String> explicit;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private final Function<String, Optional<String>> parameters;
    private final Properties file;

    private Configuration(Map<String, String> explicit, Function<String, String> systemProperties,
            Function<String, String> environment, Function<String, Optional<String>> parameters, Properties file) {
        this.explicit = Map.copyOf(explicit);
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.parameters = parameters;
        this.file = file;
    }

    /** Settings from system properties, environment and the class path, without explicit values. */
    public static Configuration load() {
        return load(Map.of());
    }

    /**
     * Settings with the given explicit values on top (keys such as {@code migrationtest.provider}).
     *
     * @param explicit values that override every other source; blank values count as not set
     */
    public static Configuration load(Map<String, String> explicit) {
        return load(explicit, key -> Optional.empty());
    }

    /**
     * Settings with the given explicit values on top and the test framework's configuration parameters
     * between environment variables and {@code migrationtest.properties}.
     *
     * @param explicit values that override every other source; blank values count as not set
     * @param parameters a key's configuration parameter, e.g. JUnit's
     *     {@code ExtensionContext::getConfigurationParameter}
     */
    public static Configuration load(Map<String, String> explicit, Function<String, Optional<String>> parameters) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties file = readPropertiesFile(loader);
        UnknownKeys.checkMachine(file, String.valueOf((loader != null ? loader : Configuration.class.getClassLoader())
                .getResource(PROPERTIES_FILE)));
        SecretSystemProperties.takeAll();
        return new Configuration(withoutBlanks(explicit), SecretSystemProperties::get, System::getenv, parameters,
                file);
    }

    /** Settings from the given sources only; for tests of the precedence rules. */
    static Configuration of(Map<String, String> explicit, Map<String, String> systemProperties,
            Map<String, String> environment, Properties file) {
        return of(explicit, systemProperties, environment, Map.of(), file);
    }

    /** Settings from the given sources only, configuration parameters included; for tests of the precedence rules. */
    static Configuration of(Map<String, String> explicit, Map<String, String> systemProperties,
            Map<String, String> environment, Map<String, String> parameters, Properties file) {
        return new Configuration(withoutBlanks(explicit), systemProperties::get, environment::get,
                key -> Optional.ofNullable(parameters.get(key)), file);
    }

    /** This configuration with more explicit values on top. */
    public Configuration with(Map<String, String> moreExplicit) {
        Map<String, String> merged = new LinkedHashMap<>(explicit);
        merged.putAll(withoutBlanks(moreExplicit));
        return new Configuration(merged, systemProperties, environment, parameters, file);
    }

    /** The value of a setting, or its default; never null. */
    public String get(Setting setting) {
        return find(setting.key()).orElse(setting.defaultValue());
    }

    /** The value of any key from the first source that sets it, e.g. {@code flyway.placeholders.owner}. */
    public Optional<String> find(String key) {
        String value = explicit.get(key);
        if (isBlank(value)) {
            value = systemProperties.apply(key);
        }
        if (isBlank(value)) {
            value = environment.apply(Setting.environmentVariableOf(key));
        }
        if (isBlank(value)) {
            value = parameters.apply(key).orElse(null);
        }
        if (isBlank(value)) {
            value = file.getProperty(key);
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    /** Whether any source sets the key (as opposed to falling back to the default). */
    public boolean isSet(Setting setting) {
        return find(setting.key()).isPresent();
    }

    /** A boolean setting; accepts {@code true}/{@code false} in any case. */
    public boolean flag(Setting setting) {
        String value = get(setting);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidSettingException(setting, value, "true or false");
    }

    /**
     * All keys with the given prefix (engine settings such as {@code flyway.*}) from explicit values
     * and the properties file. System properties and environment variables are left out on purpose:
     * build tools use those names for themselves ({@code -Dflyway.version=...}, Flyway's Maven plugin),
     * and an engine rejects keys it does not know.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        file.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> result.put(k, file.getProperty(k)));
        explicit.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k, v);
            }
        });
        result.values().removeIf(Configuration::isBlank);
        return result;
    }

    private static Properties readPropertiesFile(ClassLoader loader) {
        Properties properties = new Properties();
        ClassLoader effective = loader != null ? loader : Configuration.class.getClassLoader();
        URL url = effective.getResource(PROPERTIES_FILE);
        if (url == null) {
            return properties;
        }
        try (InputStream in = url.openStream()) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + url, e);
        }
    }

    private static Map<String, String> withoutBlanks(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!isBlank(v)) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
