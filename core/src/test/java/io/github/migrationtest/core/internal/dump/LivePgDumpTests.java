package io.github.migrationtest.core.internal.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.SchemaDump;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the local pg_dump writes today loads: the fixture database on PostgreSQL 14 dumped live (schema, then the
 * history rows) and loaded into 15 and 17. CI installs postgresql-client-15 where pg_dump is missing (.ci/run).
 */
class LivePgDumpTests {

    private static Path pgDump;
    private static String schema;
    private static String history;

    @BeforeAll
    static void dumpTheFixture() throws Exception {
        Optional<Path> executable = PgDump.executable();
        assumeThat(executable).as("pg_dump on this machine (apt-get install postgresql-client-15)").isPresent();
        pgDump = executable.get();
        PostgresServer production = FixtureDatabase.server(14);
        try (DisposableDatabase database = FixtureDatabase.create(production)) {
            schema = PgDump.dump(pgDump, production, database.name(), "--schema-only");
            history = PgDump.dump(pgDump, production, database.name(), "--data-only", "-t", "flyway_schema_history");
        }
    }

    @ParameterizedTest(name = "into PostgreSQL {0}")
    @ValueSource(ints = {15, 17})
    void aLiveDumpLoadsAndThePendingMigrationApplies(int into) throws Exception {
        Path directory = Files.createTempDirectory("migrationtest-dump");
        Path schemaFile = Files.writeString(directory.resolve("schema.sql"), schema);
        Path historyFile = Files.writeString(directory.resolve("history.sql"), history);
        SchemaDump dump = SchemaDump.of("filesystem:" + schemaFile, historyFile.toString());

        try (MigrationDatabase db = FixtureDatabase.databases(into, Duration.ofMinutes(2)).startingFrom(dump)) {
            assertThat(db.history()).extracting(HistoryEntry::id).containsExactly("1", "2");
            assertThat(db.migrate().applied()).extracting(Migration::id).containsExactly("3");
        } finally {
            Files.delete(schemaFile);
            Files.delete(historyFile);
            Files.delete(directory);
        }
        if (PgDump.version(pgDump).matches("pg_dump \\(PostgreSQL\\) 15\\.(1[4-9]|[2-9]\\d).*")) {
            assertThat(schema).as("the \\restrict line of pg_dump 15.14 and later").containsPattern("(?m)^\\\\restrict ");
        }
    }
}
