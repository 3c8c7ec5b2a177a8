package io.github.migrationtest.core.internal.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import io.github.migrationtest.core.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes one engine run of several migrations differ from running them one at a time, per engine. */
class StepwiseCaveatTests {

    @TempDir
    Path chain;

    @Test
    void versionedScriptsAloneRunAlikeStepByStep() throws IOException {
        versioned();

        assertThat(caveatOf(FlywayChain.builder().locations("filesystem:" + chain).build())).isEmpty();
    }

    @Test
    void repeatableMigrationsAreNamed() throws IOException {
        versioned();
        Files.writeString(chain.resolve("R__totals.sql"), "CREATE OR REPLACE VIEW totals AS SELECT count(*) FROM orders;\n");

        assertThat(caveatOf(FlywayChain.builder().locations("filesystem:" + chain).build()))
                .isEqualTo("repeatable migrations (R__totals.sql) run at the end of every run");
    }

    @Test
    void sqlCallbacksInTheLocationsAreFoundByTheirEvent() throws IOException {
        versioned();
        Files.writeString(chain.resolve("afterMigrate__grants.sql"), "GRANT SELECT ON orders TO PUBLIC;\n");

        assertThat(caveatOf(FlywayChain.builder().locations("filesystem:" + chain).build()))
                .isEqualTo("callbacks (afterMigrate__grants.sql) run once per run");
    }

    @Test
    void outOfOrderAndBaselineOnMigrateAreNamed() throws IOException {
        versioned();

        assertThat(caveatOf(FlywayChain.builder().locations("filesystem:" + chain)
                .property("flyway.outOfOrder", "true").property("flyway.baselineOnMigrate", "true").build()))
                .isEqualTo("outOfOrder=true makes what a run applies depend on the history it finds;"
                        + " baselineOnMigrate=true makes the first run on a non-empty schema a baseline");
    }

    @Test
    void liquibaseChangesetsThatRunAlwaysAreNamed() throws IOException {
        Files.writeString(chain.resolve("changelog.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: orders
                      author: shop
                      changes:
                        - sql:
                            sql: CREATE TABLE orders (id bigint PRIMARY KEY)
                  - changeSet:
                      id: grants
                      author: shop
                      runAlways: true
                      changes:
                        - sql:
                            sql: GRANT SELECT ON orders TO PUBLIC
                """);
        LiquibaseChain always = LiquibaseChain.builder().changelog("changelog.yaml").searchPath(chain.toString()).build();

        assertThat(caveatOf(always)).isEqualTo("changesets with runAlways=\"true\" (changelog.yaml::grants::shop) run"
                + " in every update");
    }

    private void versioned() throws IOException {
        Files.writeString(chain.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(chain.resolve("V2__totals.sql"), "ALTER TABLE orders ADD COLUMN total numeric;\n");
    }

    private static String caveatOf(MigrationChain chain) {
        try (DisposableDatabase database = TestDatabases.empty()) {
            return chain.stepwiseCaveat(database.dataSource("caveat")).orElse("");
        }
    }
}
