package io.github.migrationtest.assertions.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog queries on every other supported major version (the build copies their binaries into
 * target/pg-binaries). The texts of views and functions differ between versions, so this compares
 * everything else with PostgreSQL 17.
 */
class OtherVersionsTests {

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 14, 15, 16, 18})
    void capturesTheFixtureLikePostgres17(int major) {
        try (DisposableDatabase other = DatabaseFactory.on(TestDatabases.server(major)).createEmpty();
                DisposableDatabase reference = TestDatabases.empty()) {
            TestDatabases.runScript(other, "fixture/every-kind.sql");
            TestDatabases.runScript(reference, "fixture/every-kind.sql");

            SchemaSnapshot snapshot = SchemaSnapshot.of(other.dataSource());
            SchemaDiff diff = SchemaDiff.between(SchemaSnapshot.of(reference.dataSource()), snapshot);

            assertThat(snapshot.serverVersion()).startsWith(major + ".");
            assertThat(diff.changes()).allSatisfy(change -> assertThat(change.attribute())
                    .as(change.describe()).hasValueSatisfying(a -> assertThat(a).isIn("definition", "version")));
            assertThat(snapshot.enumType("industry").orElseThrow().labels()).containsExactly("tech", "media", "retail");
            assertThat(snapshot.index("tags_name_key").orElseThrow().valid()).isFalse();
        }
    }
}
