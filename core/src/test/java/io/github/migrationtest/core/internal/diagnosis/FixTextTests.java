package io.github.migrationtest.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.internal.flyway.FlywayChain;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fix text against the statement it was made for: the statement fails on the state, the diagnosis
 * names it, and the statement the fix gives runs on that state (and again: it is safe to rerun).
 */
class FixTextTests {

    private static final String ENUM = "CREATE TYPE ticket_status AS ENUM ('open', 'closed');\n";
    private static final String TABLE = "CREATE TABLE items (id bigint PRIMARY KEY, code text, legacy text);\n"
            + "CREATE INDEX items_legacy_idx ON items (legacy);\n";

    @TempDir
    Path chain;

    @Test
    void addValueBeforeKeepsItsPosition() throws IOException {
        try (MigrationDatabase db = chain(ENUM, "ALTER TYPE ticket_status ADD VALUE 'pending' BEFORE 'closed';")) {
            db.migrateTo("1");
            db.execute("ALTER TYPE ticket_status ADD VALUE 'pending' BEFORE 'closed'");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.ENUM_LABEL_EXISTS);
            assertThat(finding.explanation()).isEqualTo("the label 'pending' that migration 2 adds to enum ticket_status"
                    + " is there already (added by hand, or by a run of the migration that was not recorded).");
            runsTwice(db, finding, "ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'pending' BEFORE 'closed'");
            assertThat(db.query("select string_agg(enumlabel, ',' order by enumsortorder) as labels from pg_enum"
                    + " where enumtypid = 'ticket_status'::regtype").get(0)).containsEntry("labels", "open,pending,closed");
        }
    }

    @Test
    void renameValueWhereTheNewLabelWasAddedByHand() throws IOException {
        try (MigrationDatabase db = chain(ENUM, "ALTER TYPE ticket_status RENAME VALUE 'closed' TO 'done';")) {
            db.migrateTo("1");
            db.execute("ALTER TYPE ticket_status ADD VALUE 'done'");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.ENUM_LABEL_EXISTS);
            assertThat(finding.explanation()).startsWith("the label 'done' that migration 2 renames 'closed' to in enum"
                    + " ticket_status is there already").doesNotContain("<type>");
            assertThat(finding.fix()).doesNotContain("ADD VALUE");
            runsTwice(db, finding, renameOnlyWhereNeeded());
        }
    }

    @Test
    void renameValueThatRanBeforeUnrecorded() throws IOException {
        try (MigrationDatabase db = chain(ENUM, "ALTER TYPE ticket_status RENAME VALUE 'closed' TO 'done';")) {
            db.migrateTo("1");
            db.execute("ALTER TYPE ticket_status RENAME VALUE 'closed' TO 'done'");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.ENUM_LABEL_EXISTS);
            runsTwice(db, finding, renameOnlyWhereNeeded());
        }
    }

    @Test
    void aUniqueIndexBuiltConcurrentlyKeepsUniqueAndConcurrently() throws IOException {
        try (MigrationDatabase db = chain(TABLE, "CREATE UNIQUE INDEX CONCURRENTLY items_code ON items (code);")) {
            db.migrateTo("1");
            db.execute("CREATE UNIQUE INDEX items_code ON items (code)");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.OBJECT_EXISTS_UNRECORDED);
            assertThat(finding.fix()).contains("use CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code");
            db.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code ON items (code)");
        }
    }

    @Test
    void dropColumnOfAColumnAlreadyGone() throws IOException {
        try (MigrationDatabase db = chain(TABLE, "ALTER TABLE items DROP COLUMN legacy;")) {
            db.migrateTo("1");
            db.execute("ALTER TABLE items DROP COLUMN legacy");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.OBJECT_ALREADY_DROPPED);
            assertThat(finding.explanation()).startsWith("column legacy of table items that migration 2 drops is gone"
                    + " already");
            runsTwice(db, finding, "ALTER TABLE items DROP COLUMN IF EXISTS legacy;");
        }
    }

    @Test
    void dropIndexOfAnIndexAlreadyGone() throws IOException {
        try (MigrationDatabase db = chain(TABLE, "DROP INDEX items_legacy_idx;")) {
            db.migrateTo("1");
            db.execute("DROP INDEX items_legacy_idx");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.OBJECT_ALREADY_DROPPED);
            assertThat(finding.explanation()).startsWith("index items_legacy_idx that migration 2 drops is gone already");
            runsTwice(db, finding, "DROP INDEX IF EXISTS items_legacy_idx;");
        }
    }

    private static String renameOnlyWhereNeeded() {
        return "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = 'ticket_status'::regtype AND enumlabel"
                + " = 'closed') AND NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = 'ticket_status'::regtype AND"
                + " enumlabel = 'done') THEN ALTER TYPE ticket_status RENAME VALUE 'closed' TO 'done'; END IF; END $$;";
    }

    /** The fix gives the statement verbatim, and the statement runs on the state, twice. */
    private static void runsTwice(MigrationDatabase db, Finding finding, String statement) {
        assertThat(finding.fix()).contains(statement);
        db.execute(statement);
        db.execute(statement);
    }

    private MigrationDatabase chain(String first, String second) throws IOException {
        Files.writeString(chain.resolve("V1__create.sql"), first);
        Files.writeString(chain.resolve("V2__change.sql"), second);
        FlywayChain flyway = FlywayChain.builder().locations("filesystem:" + chain)
                .property("flyway.postgresql.transactional.lock", "false").build();
        return TestDatabases.database(flyway, Duration.ofMinutes(1));
    }

    private static Finding finding(MigrationFailure failure) {
        assertThat(failure.finding()).as("finding of:\n%s", failure.describe()).isPresent();
        return failure.finding().get();
    }
}
