package io.github.migrationtest.core.internal.liquibase;

import static io.github.migrationtest.core.testing.TestDatabases.columns;
import static io.github.migrationtest.core.testing.TestDatabases.tables;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.model.HistoryEntry;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.testing.TestDatabases;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changelogs written for Spring Boot, whose resource accessor resolves classpath: paths, run unchanged. */
class SpringChangelogTests {

    @Test
    void classpathPathsInIncludeIncludeAllAndSqlFileResolveOnTheClassPath() {
        MigrationChain chain = LiquibaseChain.builder()
                .changelog("classpath:liquibase/spring/db.changelog-master.yaml").build();
        chain.validate();
        try (DisposableDatabase database = TestDatabases.empty()) {
            MigrationResult result = chain.migrate(database.dataSource(), Optional.empty());

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.appliedIds()).containsExactly("1", "2", "3");
            assertThat(tables(database)).contains("public.users", "public.user_roles");
            assertThat(columns(database, "public", "users")).containsExactly("id", "email", "name");
            // Recorded as Spring Boot's own run records them, so that either can migrate the other's databases.
            assertThat(chain.history(database.dataSource())).extracting(HistoryEntry::script).first().asString()
                    .doesNotStartWith("classpath:");
        }
    }

    @Test
    void aRunToATargetAndARollbackFindTheSameChangesets() {
        MigrationChain chain = LiquibaseChain.builder()
                .changelog("classpath:liquibase/spring/db.changelog-master.yaml").build();
        try (DisposableDatabase database = TestDatabases.empty()) {
            assertThat(chain.migrate(database.dataSource(), Optional.of("2")).appliedIds()).containsExactly("1", "2");
            assertThat(chain.migrate(database.dataSource(), Optional.empty()).appliedIds()).containsExactly("3");
        }
    }
}
