package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.ServerProvider;
import java.util.OptionalInt;

/** Starts an embedded server in a JVM of its own and says how that went, for tests that change the machine first. */
public final class StartOnce {

    static final String STARTED = "STARTED ";
    static final String FAILED = "FAILED ";

    private StartOnce() {
    }

    public static void main(String[] args) {
        try {
            var server = PostgresServers.acquire(ServerProvider.EMBEDDED, OptionalInt.of(Integer.parseInt(args[0])),
                    Configuration.load());
            System.out.println(STARTED + server.version());
            PostgresServers.stopAll();
        } catch (RuntimeException e) {
            System.out.println(FAILED + e.getMessage().replace("\n", "\\n"));
        }
    }
}
