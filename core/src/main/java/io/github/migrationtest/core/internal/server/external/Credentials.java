package io.github.migrationtest.core.internal.server.external;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User and password for the external server, from the first place that gives them: the settings
 * ({@code migrationtest.external.user}, {@code migrationtest.external.password} or its password file),
 * then the {@code user} and {@code password} parameters of the JDBC URL, as pgjdbc reads them.
 */
record Credentials(String user, String password) {

    static Credentials of(Configuration configuration, String query) {
        Map<String, String> parameters = parameters(query);
        String user = configuration.isSet(Setting.EXTERNAL_USER) ? configuration.get(Setting.EXTERNAL_USER)
                : parameters.getOrDefault("user", Setting.EXTERNAL_USER.defaultValue());
        boolean inline = configuration.isSet(Setting.EXTERNAL_PASSWORD);
        boolean file = configuration.isSet(Setting.EXTERNAL_PASSWORD_FILE);
        if (inline && file) {
            throw new MigrationTestConfigurationException("Both " + Setting.EXTERNAL_PASSWORD.key() + " and "
                    + Setting.EXTERNAL_PASSWORD_FILE.key() + " are set; set one of them.");
        }
        String password = inline ? configuration.get(Setting.EXTERNAL_PASSWORD)
                : file ? readFile(Paths.get(configuration.get(Setting.EXTERNAL_PASSWORD_FILE)))
                : parameters.getOrDefault("password", "");
        return new Credentials(user, password);
    }

    private static String readFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new MigrationTestConfigurationException(Setting.EXTERNAL_PASSWORD_FILE.key() + " is '" + file
                        + "', which is empty. Its first line must be the password.");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new MigrationTestConfigurationException(Setting.EXTERNAL_PASSWORD_FILE.key() + " is '" + file
                    + "', which cannot be read (" + e.getClass().getSimpleName() + "). Point it at a file whose first"
                    + " line is the password, readable by the user that runs the build.", e);
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.length() < 2) {
            return parameters;
        }
        for (String pair : query.substring(1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
