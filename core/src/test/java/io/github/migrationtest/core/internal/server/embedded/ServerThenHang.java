package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.util.OptionalInt;

/** Starts an embedded server, says where, and waits to be killed: a run that never gets to clean up. */
public final class ServerThenHang {

    private ServerThenHang() {
    }

    public static void main(String[] args) throws InterruptedException {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(17), Configuration.load());
        System.out.println("READY " + server.address().port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
