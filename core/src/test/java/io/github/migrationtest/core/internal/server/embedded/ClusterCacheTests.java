package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.server.ServerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Servers start from a copy of a cluster initdb made once, each with its own password. */
class ClusterCacheTests {

    private final Configuration configuration = Configuration.load();
    private final Workspace workspace = Workspace.forCurrentUser(configuration);
    private final Binaries binaries = BinariesLocator.require(17, configuration).install(workspace);
    private final OsAccount account = OsAccount.forServer(configuration);

    @Test
    void initdbRunsOnceForTheCacheAndEachServerGetsACopy() throws Exception {
        // The cache lives in the readable servers directory: an account the server runs as must reach it.
        Path cacheRoot = workspace.servers().resolve("cluster-cache-test-" + UUID.randomUUID());
        Path first = workspace.newServerDirectory(17);
        Path second = workspace.newServerDirectory(17);
        AtomicInteger initdbRuns = new AtomicInteger();
        ClusterCache.Initdb counting = (target, password) -> {
            initdbRuns.incrementAndGet();
            EmbeddedPostgresServer.initdb(binaries, target, account, password);
        };
        try {
            List<String> options = LoginCost.initdbOptions(17);
            ClusterCache.initialize(binaries, options, cacheRoot, first, account, "first-password", counting);
            ClusterCache.initialize(binaries, options, cacheRoot, second, account, "second-password", counting);

            assertThat(initdbRuns).hasValue(1);
            for (Path server : List.of(first, second)) {
                assertThat(server.resolve("data/PG_VERSION")).hasContent("17");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.resolve("data"))))
                        .isEqualTo("rwx------");
            }
        } finally {
            for (Path path : List.of(first, second, cacheRoot)) {
                Workspace.deleteRecursively(path);
            }
        }
    }

    @Test
    void aServerFromTheCacheAcceptsItsOwnPasswordOnly() throws Exception {
        EmbeddedPostgresServer one = EmbeddedPostgresServer.start(binaries, workspace, account, Duration.ofSeconds(10));
        EmbeddedPostgresServer two = EmbeddedPostgresServer.start(binaries, workspace, account, Duration.ofSeconds(10));
        try (Connection connection = one.address().connect("postgres", "cluster-cache-test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from pg_database")) {
            assertThat(rs.next()).isTrue();
            assertThat(Files.exists(workspace.clusters())).isTrue();
            // Two copies of one cluster, two passwords: each server knows only its own.
            String line = two.address().pgpassLine();
            ServerAddress withTheOtherPassword = new ServerAddress("127.0.0.1", one.address().port(),
                    one.address().user(), line.substring(line.lastIndexOf(':') + 1), "postgres");
            assertThatThrownBy(() -> withTheOtherPassword.connect("postgres", "cluster-cache-test").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        } finally {
            one.stop();
            two.stop();
        }
    }
}
