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
