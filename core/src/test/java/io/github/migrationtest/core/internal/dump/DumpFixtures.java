package io.github.migrationtest.core.internal.dump;

import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.server.PostgresServers;
import io.github.migrationtest.core.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the committed dump fixtures: the fixture database on embedded PostgreSQL 12 to 15, dumped by the local
 * pg_dump into {@code src/test/resources/dumps/pg<major>/} ({@code schema.sql}: --schema-only; {@code history.sql}:
 * --data-only of flyway_schema_history). Run from core/ after {@code mvn -pl core test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test class path> io.github.migrationtest.core.internal.dump.DumpFixtures}.
 */
public final class DumpFixtures {

    private DumpFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path pgDump = PgDump.executable().orElseThrow(() -> new IllegalStateException(
                "No pg_dump here: apt-get install postgresql-client-15"));
        System.out.println(PgDump.version(pgDump));
        try {
            for (int major = 12; major <= 15; major++) {
                PostgresServer server = FixtureDatabase.server(major);
                try (DisposableDatabase database = FixtureDatabase.create(server)) {
                    Path directory = Paths.get("src/test/resources/dumps/pg" + major);
                    Files.createDirectories(directory);
                    Files.writeString(directory.resolve("schema.sql"),
                            PgDump.dump(pgDump, server, database.name(), "--schema-only"));
                    Files.writeString(directory.resolve("history.sql"),
                            PgDump.dump(pgDump, server, database.name(), "--data-only", "-t", "flyway_schema_history"));
                    System.out.println("wrote " + directory + " from " + server.describe());
                }
            }
        } finally {
            PostgresServers.stopAll();
        }
    }
}
