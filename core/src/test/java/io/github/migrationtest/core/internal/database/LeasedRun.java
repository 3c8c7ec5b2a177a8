package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.PostgresServer;
import io.github.migrationtest.core.server.ServerProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.OptionalInt;

/**
 * A second run in a JVM of its own, on the external server its environment names: makes a template
 * and a clone, says so, and on "CHECK" tells whether they are still there and still clone.
 */
public final class LeasedRun {

    private LeasedRun() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServers.acquire(ServerProvider.EXTERNAL, OptionalInt.empty(), Configuration.load());
        DatabaseFactory factory = DatabaseFactory.on(server);
        DisposableDatabase template = factory.createTemplate("template0", "template of the lease test");
        DisposableDatabase clone = factory.cloneOf(template.name());
        System.out.println("READY " + template.name() + " " + clone.name());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String command;
        while ((command = in.readLine()) != null) {
            if (command.equals("CHECK")) {
                try (var connection = clone.connect(); DisposableDatabase another = factory.cloneOf(template.name())) {
                    System.out.println("OK " + another.name());
                } catch (Exception e) {
                    System.out.println("FAILED " + e.getMessage());
                }
                System.out.flush();
            }
        }
        PostgresServers.stopAll();
    }
}
