package io.github.migrationtest.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.MigrationFailure;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.internal.liquibase.LiquibaseChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The causes that come from states a deployment leaves behind (a failed run, an edited or removed
 * migration, a hotfix by hand), each proven by a real chain failing on a real server.
 */
class BrokenStateDiagnosisTests {

    @Test
    void aFailedNonTransactionalMigrationIsRecordedAndBlocksTheNextRun() {
        try (MigrationDatabase db = failedIndexChain()) {
            // GIVEN a run in which the CONCURRENTLY migration failed over duplicate keys
            assertThat(db.migrate().failure().orElseThrow().sqlState()).contains("23505");

            // WHEN the next deploy migrates
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(failure.kind()).isEqualTo(MigrationFailure.Kind.ENGINE_ERROR);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.FAILED_MIGRATION_RECORDED);
            assertThat(finding.explanation()).startsWith("migration 2 failed in an earlier run, outside a transaction,");
            assertThat(finding.evidence()).hasSize(2);
            assertThat(finding.evidence().get(0)).startsWith("the history records migration 2 \"unique external key\""
                    + " (V2__unique_external_key.sql), installed on ").endsWith(" as failed");
            assertThat(finding.evidence().get(1))
                    .isEqualTo("index events_external_key on events is invalid, left by the failed run");
            assertThat(finding.fix()).startsWith("Undo or complete what the failed run left (see above), remove the"
                    + " failed entry (flyway repair), and migrate again.");
        }
    }

    @Test
    void anInvalidIndexLeftByAFailedConcurrentlyIsInTheWayOfTheRetry() {
        try (MigrationDatabase db = failedIndexChain()) {
            db.migrate();
            // GIVEN the duplicates are cleaned and the failed entry repaired, but the invalid index stays
            db.execute("DELETE FROM events WHERE id = 3; DELETE FROM flyway_schema_history WHERE NOT success");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(failure.sqlState()).contains("42P07");
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.INVALID_INDEX_EXISTS);
            assertThat(finding.explanation()).startsWith("index events_external_key on events already exists but is"
                    + " invalid: an earlier CREATE INDEX CONCURRENTLY failed and left it behind, so migration 2");
            assertThat(finding.evidence()).containsExactly("index events_external_key is invalid: CREATE UNIQUE INDEX"
                    + " events_external_key ON public.events USING btree (external_key)");
            assertThat(finding.fix()).startsWith("Drop the invalid index before creating it, in a migration that runs"
                    + " outside a transaction: DROP INDEX CONCURRENTLY IF EXISTS events_external_key;");
        }
    }

    @Test
    void aMigrationEditedAfterItWasApplied() {
        MigrationDatabase db = TestDatabases.database(TestDatabases.flyway("db/diagnosis/edited/changed"),
                Duration.ofMinutes(1));
        TestDatabases.flyway("db/diagnosis/edited/applied").migrate(db.dataSource(), Optional.empty());
        try (db) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.CHECKSUM_MISMATCH);
            assertThat(finding.evidence()).singleElement().asString()
                    .matches("migration 1: the history records checksum -?\\d+, the chain's migration has -?\\d+");
            assertThat(finding.fix()).startsWith("Revert the edit and put the change in a new migration.");
        }
    }

    @Test
    void anAppliedMigrationThatTheChainNoLongerHas() {
        MigrationDatabase db = TestDatabases.database(TestDatabases.flyway("db/diagnosis/removed/trimmed"),
                Duration.ofMinutes(1));
        TestDatabases.flyway("db/diagnosis/removed/full").migrate(db.dataSource(), Optional.empty());
        try (db) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.APPLIED_MIGRATION_MISSING);
            assertThat(finding.explanation()).startsWith("the database was migrated by a chain that had migration 2");
            assertThat(finding.evidence()).singleElement().asString().startsWith("the history records migration 2"
                    + " \"experimental flags\" (V2__experimental_flags.sql), installed on ")
                    .endsWith(", which the chain does not have");
            assertThat(finding.fix()).endsWith("flyway.ignoreMigrationPatterns=*:missing.");
        }
    }

    @Test
    void tablesCreatedBeforeTheChainWithoutAHistory() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/existing-table")) {
            db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.EXISTING_SCHEMA_WITHOUT_HISTORY);
            assertThat(finding.explanation()).startsWith("schema \"public\" has objects but no history table:");
            assertThat(finding.evidence()).containsExactly("tables already there: public.users");
            assertThat(finding.fix()).startsWith("Baseline it: flyway.baselineOnMigrate=true");
        }
    }

    @Test
    void anEnumLabelAddedByHandBeforeTheMigrationThatAddsIt() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/label-exists")) {
            db.migrateTo("1");
            db.execute("ALTER TYPE eventtype ADD VALUE 'archived'");

            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(failure.sqlState()).contains("42710");
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.ENUM_LABEL_EXISTS);
            assertThat(finding.explanation()).isEqualTo("the label 'archived' that migration 2 adds to enum eventtype"
                    + " is there already (added by hand, or by a run of the migration that was not recorded).");
            assertThat(finding.evidence()).containsExactly("enum eventtype has labels [created, updated, archived]");
            assertThat(finding.fix()).startsWith("Add the label only where it is missing: ALTER TYPE eventtype ADD"
                    + " VALUE IF NOT EXISTS 'archived'.");
        }
    }

    @Test
    void aLiquibaseChangesetEditedAfterItWasApplied() throws Exception {
        MigrationDatabase db = TestDatabases.database(liquibase("changed"), Duration.ofMinutes(1));
        liquibase("applied").migrate(db.dataSource(), Optional.empty());
        try (db) {
            MigrationFailure failure = db.migrate().failure().orElseThrow();

            Finding finding = finding(failure);
            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.CHECKSUM_MISMATCH);
            assertThat(finding.evidence()).singleElement().asString()
                    .matches("changeset changelog.sql::1::app: the history records checksum 9:\\w+, the changelog has"
                            + " 9:\\w+");
            assertThat(finding.fix()).endsWith("accept the new checksum: validCheckSum on the changeset, or liquibase"
                    + " clear-checksums.");
        }
    }

    /** A Liquibase chain of changelog.sql in a directory of liquibase/diagnosis: same file name, other contents. */
    private static LiquibaseChain liquibase(String directory) throws Exception {
        Path path = Path.of(BrokenStateDiagnosisTests.class.getResource("/liquibase/diagnosis/" + directory).toURI());
        return LiquibaseChain.builder().changelog("changelog.sql").searchPath(path.toString()).build();
    }

    private static MigrationDatabase failedIndexChain() {
        // CREATE INDEX CONCURRENTLY under Flyway's default transactional lock would wait forever (see DiagnosisTests).
        FlywayChain chain = FlywayChain.builder().locations("classpath:db/diagnosis/failed-index")
                .property("flyway.postgresql.transactional.lock", "false").build();
        return TestDatabases.database(chain, Duration.ofMinutes(1));
    }

    private static Finding finding(MigrationFailure failure) {
        assertThat(failure.finding()).as("finding of:\n%s", failure.describe()).isPresent();
        return failure.finding().get();
    }
}
