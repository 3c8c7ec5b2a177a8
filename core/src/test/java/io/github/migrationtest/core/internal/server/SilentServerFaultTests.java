package io.github.migrationtest.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A port that accepts TCP connections and never answers (a hung server, a proxy without a backend,
 * something else than PostgreSQL): the run fails within the connect timeout, naming host and port.
 */
class SilentServerFaultTests {

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listenWithoutAnswering() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException e) {
                // Closed by the test.
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void anExternalServerThatAcceptsButNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        int port = silent.getLocalPort();
        Configuration configuration = Configuration.load(Map.of(
                "migrationtest.external.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "migrationtest.external.password", "not-used",
                "migrationtest.connect-timeout", "1s"));

        // A guard against the hang this test is about: without a login timeout the driver waits forever.
        Throwable failure = CompletableFuture.supplyAsync(() -> {
            try {
                PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(), configuration);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }).get(60, TimeUnit.SECONDS);

        assertThat(accepted).as("connections the silent port accepted").isNotEmpty();
        assertThat(failure).isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("Could not connect to the external server postgres@127.0.0.1:" + port
                        + " (jdbc:postgresql://127.0.0.1:" + port + "/postgres): The server at 127.0.0.1:" + port
                        + " did not answer within 1 s (migrationtest.connect-timeout): something accepts connections"
                        + " there but does not speak PostgreSQL's protocol, or the server is overloaded. Check the host"
                        + " and port, or raise migrationtest.connect-timeout. The address comes from"
                        + " migrationtest.external.url.");
    }
}
