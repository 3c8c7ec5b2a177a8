package io.github.migrationtest.core.internal.server.external;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.internal.Redaction;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerAddress;
import io.github.migrationtest.core.server.ServerProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entry point of the external provider for the server registry. */
public final class ExternalServers {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(\\?.*)?");

    private ExternalServers() {
    }

    /**
     * Connects to the configured external server and checks that it can be used: reachable,
     * CREATEDB granted, and of the requested major version if one is requested.
     */
    public static PostgresServer connect(OptionalInt major, Configuration configuration) {
        Matcher m = requireUrl(configuration);
        String url = Redaction.url(m.group());
        String database = m.group(3).isEmpty() ? "postgres" : m.group(3);
        Credentials credentials = Credentials.of(configuration, m.group(4));
        ServerAddress address = new ServerAddress(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)),
                credentials.user(), credentials.password(), database,
                Durations.of(configuration, Setting.CONNECT_TIMEOUT));
        try (Connection connection = address.connect(database, "migrationtest-startup");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
            int actualMajor = connection.getMetaData().getDatabaseMajorVersion();
            String version = connection.getMetaData().getDatabaseProductVersion();
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new MigrationTestConfigurationException("The external server " + address + " does not let user '"
                        + address.user() + "' create databases, and every test needs one of its own. Grant it:"
                        + " ALTER ROLE \"" + address.user() + "\" CREATEDB;");
            }
            if (major.isPresent() && major.getAsInt() != actualMajor) {
                throw new MigrationTestConfigurationException("The external server " + address + " runs PostgreSQL "
                        + version + ", but the test asks for PostgreSQL " + major.getAsInt() + ". Ask for postgres = \""
                        + actualMajor + "\" (or leave " + Setting.POSTGRES.key() + " unset to use the server's version),"
                        + " or point " + Setting.EXTERNAL_URL.key() + " at a " + major.getAsInt() + " server.");
            }
            return new ExternalPostgresServer(address, actualMajor, version);
        } catch (SQLTimeoutException e) {
            throw new MigrationTestConfigurationException("Could not connect to the external server " + address + " ("
                    + url + "): " + e.getMessage() + " The address comes from " + Setting.EXTERNAL_URL.key() + ".", e);
        } catch (SQLException e) {
            throw new MigrationTestConfigurationException("Could not connect to the external server " + address + " ("
                    + url + "): " + e.getMessage() + ". Check " + Setting.EXTERNAL_URL.key() + ", "
                    + Setting.EXTERNAL_USER.key() + " and " + Setting.EXTERNAL_PASSWORD.key() + " (or "
                    + Setting.EXTERNAL_PASSWORD_FILE.key() + ").", e);
        }
    }

    /**
     * Checks that an external server is configured by a well-formed JDBC URL.
     *
     * @throws MigrationTestConfigurationException saying which setting to give
     */
    public static Matcher requireUrl(Configuration configuration) {
        String url = configuration.find(Setting.EXTERNAL_URL.key()).orElseThrow(() ->
                new MigrationTestConfigurationException(Setting.PROVIDER.key() + "=external needs the server's JDBC URL:"
                        + " set " + Setting.EXTERNAL_URL.key() + "=jdbc:postgresql://host:5432/postgres (and "
                        + Setting.EXTERNAL_USER.key() + ", " + Setting.EXTERNAL_PASSWORD.key() + ")."));
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new MigrationTestConfigurationException(Setting.EXTERNAL_URL.key() + " is '" + Redaction.url(url)
                    + "', which is not a PostgreSQL JDBC URL of the form jdbc:postgresql://host:5432/postgres.");
        }
        return m;
    }

    /** A server someone else runs; never stopped by migrationtest. */
    private record ExternalPostgresServer(ServerAddress address, int majorVersion, String version)
            implements PostgresServer {

        @Override
        public ServerProvider provider() {
            return ServerProvider.EXTERNAL;
        }

        @Override
        public String keepRunning() {
            return "The external server keeps running; migrationtest never stops it.";
        }

        @Override
        public void stop() {
            // Not ours to stop. Our databases on it are dropped by their owners.
        }
    }
}
