package io.github.migrationtest.core.internal.server;

import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EmbeddedServerTests {

    @Test
    void startsFromTheBinariesJarOnTheClassPath() throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());

        assertThat(server.provider()).isEqualTo(ServerProvider.EMBEDDED);
        assertThat(server.majorVersion()).isEqualTo(17);
        assertThat(server.version()).startsWith("17.");
        try (Connection c = server.address().connect("postgres", "test"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('fsync'), current_setting('listen_addresses')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("off");
            assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void runsAsAnUnprivilegedAccountWhenTheJvmIsRoot() throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
        String dataDirectory;
        try (Connection c = server.address().connect("postgres", "test"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('data_directory')")) {
            rs.next();
            dataDirectory = rs.getString(1);
        }
        List<String> pidFile = Files.readAllLines(Paths.get(dataDirectory, "postmaster.pid"));
        List<String> status = Files.readAllLines(Paths.get("/proc", pidFile.get(0).trim(), "status"));
        String uid = status.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();

        assertThat(uid.split("\\s+")[1]).isNotEqualTo("0");
    }
}
