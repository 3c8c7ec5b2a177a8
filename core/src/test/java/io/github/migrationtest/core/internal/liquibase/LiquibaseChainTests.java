package io.github.migrationtest.core.internal.liquibase;

import static io.github.migrationtest.core.testing.TestDatabases.columns;
import static io.github.migrationtest.core.testing.TestDatabases.execute;
import static io.github.migrationtest.core.testing.TestDatabases.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiquibaseChainTests {

    @ParameterizedTest(name = "changelog.{0}")
    @ValueSource(strings = {"xml", "yaml", "json", "sql"})
    void changelogsInEveryFormatMigrateToTheSameTables(String format) {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog." + format).build();
        chain.validate();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.appliedIds()).containsExactly("1-create-users", "2-add-email", "3-create-orders");
            assertThat(tables(database)).containsExactly("public.databasechangelog", "public.databasechangeloglock",
                    "public.orders", "public.users");
            assertThat(columns(database, "public", "users")).containsExactly("id", "name", "email");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id)
                    .containsExactly("1-create-users", "2-add-email", "3-create-orders");
        }
    }

    @ParameterizedTest(name = "changelog.{0}")
    @ValueSource(strings = {"xml", "yaml", "json", "sql"})
    void migrationsAreTheChangesetsWithIdAuthorFileAndTheChecksumLiquibaseRecords(String format) {
        String changelog = "liquibase/formats/changelog." + format;
        MigrationChain chain = LiquibaseChain.builder().changelog(changelog).build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            List<Migration> migrations = chain.migrations(database.dataSource());
            chain.migrate(database.dataSource(), Optional.empty());

            assertThat(migrations).extracting(Migration::id, m -> m.author().orElseThrow(), Migration::script)
                    .containsExactly(
                            tuple("1-create-users", "alice", changelog),
                            tuple("2-add-email", "alice", changelog),
                            tuple("3-create-orders", "bob", changelog));
            assertThat(migrations.get(0).description()).isEqualTo("Users who log in");
            assertThat(migrations).extracting(m -> m.checksum().orElseThrow()).containsExactlyElementsOf(
                    chain.history(database.dataSource()).stream().map(h -> h.checksum().orElseThrow())
                            .collect(Collectors.toList()));
        }
    }

    @Test
    void migrationsWithoutCommentAreDescribedByTheirChanges() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThat(chain.migrations(database.dataSource())).extracting(Migration::description)
                    .containsExactly("Users who log in", "addColumn tableName=users", "sql");
        }
    }

    @Test
    void aTargetAppliesUpToAndIncludingItsChangeset() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult first = chain.migrate(database.dataSource(), Optional.of("2-add-email"));
            MigrationResult again = chain.migrate(database.dataSource(), Optional.of("2-add-email"));
            MigrationResult rest = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(first.appliedIds()).containsExactly("1-create-users", "2-add-email");
            assertThat(again.succeeded()).isTrue();
            assertThat(again.applied()).isEmpty();
            assertThat(rest.appliedIds()).containsExactly("3-create-orders");
        }
    }

    @Test
    void aTargetSharedByChangesetsIsAmbiguousAndNamesThem() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/duplicates/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> chain.migrate(database.dataSource(), Optional.of("1")))
                    .isInstanceOf(MigrationTestConfigurationException.class)
                    .hasMessage("The target '1' is ambiguous: 2 changesets of the Liquibase chain"
                            + " liquibase/duplicates/changelog.yaml match it: liquibase/duplicates/changelog.yaml::1::alice,"
                            + " liquibase/duplicates/changelog.yaml::1::bob. Name the one you mean by id::author,"
                            + " e.g. '1::alice'.");
            assertThat(tables(database)).isEmpty();
        }
    }

    @Test
    void aTargetCanNameIdAndAuthorOrFileIdAndAuthor() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/duplicates/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult toAlice = chain.migrate(database.dataSource(),
                    Optional.of("liquibase/duplicates/changelog.yaml::1::alice"));
            MigrationResult toBob = chain.migrate(database.dataSource(), Optional.of("1::bob"));

            assertThat(toAlice.applied()).extracting(m -> m.author().orElseThrow()).containsExactly("alice");
            assertThat(toBob.applied()).extracting(m -> m.author().orElseThrow()).containsExactly("bob");
            assertThat(tables(database)).contains("public.from_alice", "public.from_bob").doesNotContain("public.two");
        }
    }

    @Test
    void anUnknownTargetListsTheChangesets() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThatThrownBy(() -> chain.migrate(database.dataSource(), Optional.of("4")))
                    .isInstanceOf(MigrationTestConfigurationException.class)
                    .hasMessage("The Liquibase chain liquibase/formats/changelog.xml has no changeset '4' (with its"
                            + " contexts and labels). Name one by id, id::author or file::id::author; its changesets are:"
                            + " liquibase/formats/changelog.xml::1-create-users::alice,"
                            + " liquibase/formats/changelog.xml::2-add-email::alice,"
                            + " liquibase/formats/changelog.xml::3-create-orders::bob.");
        }
    }

    @Test
    void contextsLabelsAndParametersTakeEffect() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/features/changelog.yaml")
                .contexts("test").labels("billing").parameter("prefix", "app_").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            List<Migration> migrations = chain.migrations(database.dataSource());
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(migrations).extracting(Migration::id).containsExactly("things", "test-only", "billing");
            assertThat(result.appliedIds()).containsExactly("things", "test-only", "billing");
            assertThat(tables(database)).contains("public.app_things", "public.test_only", "public.billing_things")
                    .doesNotContain("public.prod_only", "public.legacy_things");
        }
    }

    @Test
    void otherContextsAndLabelsSelectOtherChangesets() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/features/changelog.yaml")
                .contexts("prod").labels("!billing").parameter("prefix", "other_").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.appliedIds()).containsExactly("things", "prod-only", "legacy");
            assertThat(tables(database)).contains("public.other_things", "public.prod_only", "public.legacy_things");
        }
    }

    @Test
    void theDefaultSchemaHoldsTheChangesetsAndTheHistory() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/schema/changelog.xml")
                .defaultSchema("app").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            execute(database, "create schema app");

            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(tables(database)).containsExactly("app.accounts", "app.databasechangelog",
                    "app.databasechangeloglock", "app.ledgers");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1", "2");
        }
    }

    @Test
    void theLiquibaseSchemaHoldsOnlyTheHistory() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/schema/changelog.xml")
                .liquibaseSchema("liquibase").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            execute(database, "create schema liquibase");

            chain.migrate(database.dataSource(), Optional.empty());

            assertThat(tables(database)).containsExactly("liquibase.databasechangelog",
                    "liquibase.databasechangeloglock", "public.accounts", "public.ledgers");
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::id).containsExactly("1", "2");
        }
    }

    @Test
    void theSearchPathFindsChangelogsOutsideTheClassPath(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("outside.sql"), "--liquibase formatted sql\n\n"
                + "--changeset erin:outside-1\ncreate table outside (id bigint);\n--rollback drop table outside;\n");
        MigrationChain chain = LiquibaseChain.builder().changelog("outside.sql").searchPath(directory.toString())
                .build();
        chain.validate();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.appliedIds()).containsExactly("outside-1");
            assertThat(tables(database)).contains("public.outside");
        }
    }

    @Test
    void historyOfADatabaseWithoutLiquibaseIsEmpty() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThat(chain.history(database.dataSource())).isEmpty();
            assertThat(tables(database)).isEmpty();
        }
    }

    @Test
    void everyOperationClosesItsConnections() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            chain.migrations(database.dataSource());
            chain.migrate(database.dataSource(), Optional.empty());
            chain.history(database.dataSource());
            chain.rollbackLast(database.dataSource());

            assertThat(TestDatabases.strings(database, "select count(*) from pg_stat_activity where datname = ?"
                    + " and pid <> pg_backend_pid()", database.name())).containsExactly("0");
        }
    }

    @Test
    void engineNamesLiquibaseAndItsVersion() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();

        assertThat(chain.engine()).matches("Liquibase \\d+\\.\\d+\\.\\d+.*");
        assertThat(chain.description()).isEqualTo("Liquibase chain liquibase/formats/changelog.xml");
    }

    @Test
    void settingsAreCanonical() {
        MigrationChain one = LiquibaseChain.builder().changelog("db/changelog.xml").contexts("a", "b").labels("x")
                .parameter("k2", "v2").parameter("k1", "v1").defaultSchema("app").build();
        MigrationChain same = LiquibaseChain.builder().changelog("db/changelog.xml").contexts("a", "b").labels("x")
                .parameter("k1", "v1").parameter("k2", "v2").defaultSchema("app").build();

        assertThat(one.settings()).isEqualTo(same.settings()).isEqualTo("changelog=db/changelog.xml\n"
                + "contexts=[a, b]\nlabels=x\nparameters={k1=v1, k2=v2}\ndefaultSchema=app\nliquibaseSchema=\n"
                + "searchPath=[]");
    }

    @Test
    void theHistoryTableIsNamedWithItsSchemaAndServesPlainSql() {
        MigrationChain chain = LiquibaseChain.builder().changelog("liquibase/schema/changelog.xml")
                .defaultSchema("app").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            execute(database, "create schema app");
            chain.migrate(database.dataSource(), Optional.empty());

            assertThat(chain.engineHistory().table()).isEqualTo("app.databasechangelog");
            assertThat(TestDatabases.strings(database, "select count(*) from " + chain.engineHistory().table()))
                    .containsExactly("2");
        }
        assertThat(LiquibaseChain.builder().changelog("c.xml").build().engineHistory().table())
                .isEqualTo("databasechangelog");
        assertThat(LiquibaseChain.builder().changelog("c.xml").defaultSchema("app").liquibaseSchema("lb").build()
                .engineHistory().table()).isEqualTo("lb.databasechangelog");
    }

    @Test
    void theSqlOfAChangesetIsItsSqlChanges() {
        LiquibaseChain xml = LiquibaseChain.builder().changelog("liquibase/formats/changelog.xml").build();
        LiquibaseChain sql = LiquibaseChain.builder().changelog("liquibase/formats/changelog.sql").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            List<Migration> xmlMigrations = xml.migrations(database.dataSource());
            List<Migration> sqlMigrations = sql.migrations(database.dataSource());

            assertThat(xml.sql(xmlMigrations.get(2))).contains("create table orders (id bigint primary key, user_id"
                    + " bigint not null references users (id))");
            assertThat(xml.sql(xmlMigrations.get(0))).isEmpty();
            assertThat(sql.sql(sqlMigrations.get(1))).hasValueSatisfying(text -> assertThat(text)
                    .startsWith("alter table users add column email text"));
        }
    }

    @Test
    void settingsCanBeGivenAsLiquibaseProperties() {
        MigrationChain byProperties = LiquibaseChain.builder().changelog("db/changelog.xml")
                .properties(new TreeMap<>(Map.of("liquibase.contexts", "a, b",
                        "liquibase.labels", "x", "liquibase.parameters.owner", "app",
                        "liquibase.defaultSchemaName", "app", "liquibase.searchPath", "src/main/resources")))
                .build();
        MigrationChain byMethods = LiquibaseChain.builder().changelog("db/changelog.xml").contexts("a", "b")
                .labels("x").parameter("owner", "app").defaultSchema("app").searchPath("src/main/resources").build();

        assertThat(byProperties.settings()).isEqualTo(byMethods.settings());
        assertThatThrownBy(() -> LiquibaseChain.builder().property("liquibase.context", "test"))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("Unknown Liquibase property 'liquibase.context'. Use liquibase.contexts, liquibase.labels,"
                        + " liquibase.parameters.<name>, liquibase.defaultSchemaName, liquibase.liquibaseSchemaName"
                        + " or liquibase.searchPath.");
    }

    @Test
    void aChainNeedsAChangelog() {
        assertThatThrownBy(() -> LiquibaseChain.builder().contexts("test").build())
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessage("The Liquibase chain names no changelog. Give one, e.g."
                        + " LiquibaseChain.builder().changelog(\"db/changelog/db.changelog-master.yaml\").");
    }
}
