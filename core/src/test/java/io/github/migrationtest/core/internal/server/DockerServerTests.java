package io.github.migrationtest.core.internal.server;

import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.server.docker.DockerServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The docker provider, through Testcontainers. CI sets MIGRATIONTEST_REQUIRE_DOCKER=true, where a
 * missing Docker API fails these tests; elsewhere they are skipped with the reason.
 */
class DockerServerTests {

    @BeforeEach
    void dockerAnswersOrIsRequired() {
        boolean required = "true".equals(System.getenv("MIGRATIONTEST_REQUIRE_DOCKER"))
                || Boolean.getBoolean("migrationtest.require-docker");
        Assumptions.assumeTrue(required || DockerServers.dockerAnswers(), "No Docker API answers on this machine"
                + " (set DOCKER_HOST; MIGRATIONTEST_REQUIRE_DOCKER=true makes this a failure instead)");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {15, 17})
    void startsAContainerOfTheMajorVersion(int major) throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.DOCKER, OptionalInt.of(major), Configuration.load());

        assertThat(server.provider()).isEqualTo(ServerProvider.DOCKER);
        assertThat(server.version()).startsWith(major + ".");
        try (DisposableDatabase db = DatabaseFactory.on(server).createEmpty();
                Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('fsync'), current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("off");
            assertThat(rs.getString(2)).isEqualTo(db.name());
        }
    }
}
