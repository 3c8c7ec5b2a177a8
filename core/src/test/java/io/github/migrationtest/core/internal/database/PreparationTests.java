package io.github.migrationtest.core.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The platform's part, prepared before the chain in every state: extensions in the databases, roles on the server. */
class PreparationTests {

    private static final Duration LIMIT = Duration.ofMinutes(1);

    private final DatabaseFactory factory = TestDatabases.factory();

    @Test
    void withoutThePreparationTheChainFailsOnTheMissingExtension() {
        MigrationChain chain = TestDatabases.flyway("db/platform");

        assertThatThrownBy(() -> factory.templates().templateAt(chain, Optional.empty(), LIMIT))
                .isInstanceOfSatisfying(TemplateBuildException.class, e -> assertThat(e.result().failure()
                        .flatMap(f -> f.diagnosis())).contains(Diagnosis.MISSING_EXTENSION));
    }

    @Test
    void everyStateAndEveryEmptyDatabaseOfAPreparedChainStartsPrepared() throws SQLException {
        MigrationChain chain = prepared("migrationtest.prepare", "classpath:prepare/trigram.sql",
                "migrationtest.prepare.roles", "migrationtest_platform_reader");

        String head = factory.templates().templateAt(chain, Optional.empty(), LIMIT);
        String atOne = factory.templates().templateAt(chain, Optional.of("1"), LIMIT);

        try (DisposableDatabase empty = factory.createEmpty(chain); DisposableDatabase clone = factory.cloneOf(head)) {
            assertThat(value(empty, "select count(*) from pg_extension where extname = 'pg_trgm'")).isEqualTo("1");
            assertThat(value(empty, "select count(*) from pg_class where relname = 'products'")).isEqualTo("0");
            assertThat(value(clone, "select count(*) from pg_roles where rolname = 'migrationtest_platform_reader'"))
                    .isEqualTo("1");
        }
        assertThat(atOne).isNotEqualTo(head);
        assertThat(factory.templates().emptyTemplate(chain)).isEqualTo(factory.templates().emptyTemplate(chain))
                .isNotEqualTo("template0");
    }

    @Test
    void thePreparationIsPartOfTheFingerprint() {
        MigrationChain plain = TestDatabases.flyway("db/platform");
        MigrationChain prepared = prepared("migrationtest.prepare", "classpath:prepare/trigram.sql");

        assertThat(factory.templates().fingerprint(prepared)).isNotEqualTo(factory.templates().fingerprint(plain));
        assertThat(prepared.settings()).startsWith(plain.settings());
    }

    @Test
    void aScriptThatDoesNotExistIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> prepared("migrationtest.prepare", "classpath:prepare/absent.sql"))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("migrationtest.prepare names the script 'classpath:prepare/absent.sql', which does not"
                        + " exist (no resource prepare/absent.sql on the test class path, e.g. under"
                        + " src/test/resources).");
    }

    @Test
    void aFailingScriptSaysWhichAndWhy() {
        MigrationChain chain = PreparedChain.of(TestDatabases.flyway("db/enums"), new Preparation(
                java.util.List.of(new Preparation.Script("classpath:prepare/broken.sql", "CREATE EXTENSION postgis")),
                java.util.List.of()));

        assertThatThrownBy(() -> factory.createEmpty(chain)).isInstanceOf(MigrationTestException.class)
                .hasMessageStartingWith("The preparation script classpath:prepare/broken.sql (migrationtest.prepare)"
                        + " fails on embedded PostgreSQL 17")
                .hasMessageContaining("extension \"postgis\" is not available");
    }

    private static MigrationChain prepared(String... keysAndValues) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return PreparedChain.of(TestDatabases.flyway("db/platform"),
                Preparation.of(Configuration.load(values), PreparationTests.class.getClassLoader()));
    }

    private static String value(DisposableDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
