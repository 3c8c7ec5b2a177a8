package io.github.migrationtest.core.internal.dump;

import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import java.util.List;
import java.util.Optional;

/**
 * Makes a dump fixture for the examples: builds a database on embedded PostgreSQL {@code <major>} from
 * steps and writes what the local pg_dump makes of it, {@code <prefix>-schema.sql} (--schema-only) and, where
 * Flyway ran, {@code <prefix>-history.sql} (--data-only -t flyway_schema_history). Arguments: major, prefix,
 * then the steps in order: a psql script file, or {@code flyway:<directory>@<target>} to apply a Flyway chain.
 */
public final class DumpOf {

    private DumpOf() {
    }

    public static void main(String[] args) throws Exception {
        Path pgDump = PgDump.executable().orElseThrow();
        PostgresServer server = FixtureDatabase.server(Integer.parseInt(args[0]));
        try (DisposableDatabase database = DatabaseFactory.on(server).createEmpty()) {
            boolean flyway = false;
            for (int i = 2; i < args.length; i++) {
                if (args[i].startsWith("flyway:")) {
                    String[] location = args[i].substring("flyway:".length()).split("@");
                    FlywayChain.builder().locations("filesystem:" + location[0]).build()
                            .migrate(database.dataSource(), Optional.of(location[1]));
                    flyway = true;
                } else {
                    try (Connection connection = database.connect()) {
                        DumpLoader.load(connection, List.of(new DumpFile(args[i], Files.readString(Paths.get(args[i])))),
                                RolePolicy.CREATE);
                    }
                }
            }
            Files.writeString(Paths.get(args[1] + "-schema.sql"),
                    PgDump.dump(pgDump, server, database.name(), "--schema-only"));
            if (flyway) {
                Files.writeString(Paths.get(args[1] + "-history.sql"),
                        PgDump.dump(pgDump, server, database.name(), "--data-only", "-t", "flyway_schema_history"));
            }
            System.out.println("wrote " + args[1] + " with " + PgDump.version(pgDump) + " from " + server.describe());
        } finally {
            PostgresServers.stopAll();
        }
    }
}
