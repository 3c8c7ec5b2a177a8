package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Durations;
import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.server.PostgresServer;

/** Entry point of the embedded provider for the server registry. */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    /** Whether binaries of that major version can be found (without unpacking or starting anything). */
    public static boolean binariesAvailable(int major, Configuration configuration) {
        return BinariesLocator.locate(major, configuration).isPresent();
    }

    /**
     * Throws unless binaries of that major version can be found.
     *
     * @throws io.github.migrationtest.core.model.MigrationTestConfigurationException listing the ways to provide them
     */
    public static void requireBinaries(int major, Configuration configuration) {
        BinariesLocator.require(major, configuration);
        requireUsable(configuration);
    }

    /**
     * Checks what can be checked before a server starts: the account it runs as, and that the
     * account reaches its binaries and data directory.
     *
     * @throws io.github.migrationtest.core.model.MigrationTestConfigurationException naming the setting and the fix
     */
    public static void requireUsable(Configuration configuration) {
        OsAccount account = OsAccount.forServer(configuration);
        Workspace workspace = Workspace.forCurrentUser(configuration);
        String configured = configuration.get(Setting.EMBEDDED_DATA_DIRECTORY);
        if (configured.equals("auto")) {
            account.requireReachable(workspace.servers(), "The embedded server's data goes to " + workspace.servers(),
                    "Set " + Setting.EMBEDDED_DATA_DIRECTORY.key() + " to a directory that account can enter");
        } else {
            account.requireReachable(workspace.servers(), Setting.EMBEDDED_DATA_DIRECTORY.key() + " is '" + configured
                    + "'", "Point " + Setting.EMBEDDED_DATA_DIRECTORY.key() + " at a directory that account can enter");
        }
        account.requireReachable(workspace.binariesDirectory(), "The PostgreSQL binaries are unpacked into "
                + workspace.binariesDirectory() + " (under java.io.tmpdir)", "Point java.io.tmpdir at a directory"
                + " that account can enter");
    }

    /** The Maven coordinates of the binaries jar for a major version on this platform. */
    public static String coordinatesFor(int major) {
        return ZonkyVersions.coordinates(major);
    }

    /** Starts a server of the given major version. */
    public static PostgresServer start(int major, Configuration configuration) {
        Workspace workspace = Workspace.forCurrentUser(configuration);
        workspace.removeOrphanedServers();
        Binaries binaries = BinariesLocator.require(major, configuration).install(workspace);
        return EmbeddedPostgresServer.start(binaries, workspace, OsAccount.forServer(configuration),
                Durations.of(configuration, Setting.CONNECT_TIMEOUT));
    }
}
