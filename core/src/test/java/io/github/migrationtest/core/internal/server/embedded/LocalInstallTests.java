package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded provider on a local PostgreSQL install (Debian's /usr/lib/postgresql/<major>). */
class LocalInstallTests {

    @Test
    void startsALocalInstallNamedByDirectory() {
        int major = IntStream.rangeClosed(12, 18).filter(m -> m != 17)
                .filter(m -> Files.isExecutable(Paths.get("/usr/lib/postgresql/" + m + "/bin/postgres")))
                .findFirst().orElse(-1);
        Assumptions.assumeTrue(major > 0, "No PostgreSQL other than 17 installed under /usr/lib/postgresql");

        PostgresServer server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(major),
                Configuration.load(Map.of("migrationtest.embedded.binaries", "/usr/lib/postgresql/" + major)));

        assertThat(server.version()).startsWith(major + ".");
        assertThat(server.describe()).contains("(binaries: /usr/lib/postgresql/" + major + ")");
    }
}
