package io.github.migrationtest.core.internal.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** Reads the Flyway version from its jar when the manifest does not carry it. */
final class FlywayVersion {

    private FlywayVersion() {
    }

    static String read() {
        try (InputStream in = Flyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
