package io.github.migrationtest.core.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import org.junit.jupiter.api.Test;

/** What the platform provides and an empty database lacks: each diagnosis named, and its fix run. */
class PrerequisiteDiagnosisTests {

    @Test
    void aTrigramIndexWithoutPgTrgmNamesTheExtensionAndItsFixInstallsIt() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/trigram")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_EXTENSION);
            assertThat(finding.explanation()).startsWith("migration 1 uses operator class gin_trgm_ops, which comes"
                    + " from extension pg_trgm; the database does not have it.");
            assertThat(finding.evidence()).singleElement().asString()
                    .matches("extension pg_trgm [0-9.]+ is available on this server \\(pg_available_extensions\\),"
                            + " but not installed in the database");
            assertThat(finding.fix()).contains("migrationtest.prepare=classpath:prepare.sql");

            db.execute(statement(finding.fix(), "CREATE EXTENSION IF NOT EXISTS pg_trgm;"));
            assertThat(db.migrate().succeeded()).isTrue();
        }
    }

    @Test
    void uuidGenerateV4NamesUuidOssp() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/uuid-ossp")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_EXTENSION);
            assertThat(finding.explanation()).startsWith("migration 1 uses function uuid_generate_v4(), which comes"
                    + " from extension uuid-ossp");

            db.execute(statement(finding.fix(), "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";"));
            assertThat(db.migrate().succeeded()).isTrue();
        }
    }

    @Test
    void aPgcryptoFunctionNamesPgcrypto() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/pgcrypto")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.explanation()).startsWith("migration 1 uses function gen_random_bytes(), which comes"
                    + " from extension pgcrypto");

            db.execute(statement(finding.fix(), "CREATE EXTENSION IF NOT EXISTS pgcrypto;"));
            assertThat(db.migrate().succeeded()).isTrue();
        }
    }

    @Test
    void anExtensionInASchemaOffTheSearchPathIsSaidSo() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/trigram")) {
            db.execute("CREATE SCHEMA extensions; CREATE EXTENSION pg_trgm SCHEMA extensions");

            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_EXTENSION);
            assertThat(finding.evidence()).containsExactly("extension pg_trgm is installed in schema extensions, which"
                    + " is not on the search_path of the migration");
            assertThat(finding.fix()).startsWith("Qualify the name with the schema (extensions.gin_trgm_ops)");
        }
    }

    @Test
    void aTypeOfAnExtensionTheServerDoesNotShipSaysWhereToGetIt() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/postgis")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_EXTENSION);
            assertThat(finding.explanation()).isEqualTo("the migration uses type geometry, which comes from extension"
                    + " postgis, and this server does not have the extension at all: its binaries do not ship it.");
            assertThat(finding.evidence()).containsExactly("extension postgis is not in pg_available_extensions of"
                    + " this server");
            assertThat(finding.fix()).contains("migrationtest.docker.image=postgis/postgis:{major}-3.5");
        }
    }

    @Test
    void aGrantToARoleTheServerLacksNamesTheRoleAndItsFixCreatesIt() {
        try (MigrationDatabase db = TestDatabases.migrationDatabase("db/diagnosis/grant")) {
            Finding finding = finding(db.migrate().failure().orElseThrow());

            assertThat(finding.diagnosis()).isEqualTo(Diagnosis.MISSING_ROLE);
            assertThat(finding.explanation()).startsWith("migration 1 refers to role migrationtest_absent_reader,"
                    + " which this server does not have");
            assertThat(finding.fix()).startsWith("Create it before the chain, as the platform does:"
                    + " migrationtest.prepare.roles=migrationtest_absent_reader (created once per server");

            String create = statement(finding.fix(), "DO $$ BEGIN CREATE ROLE migrationtest_absent_reader NOLOGIN;"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;");
            try {
                db.execute(create);
                db.execute(create);
                assertThat(db.migrate().succeeded()).isTrue();
            } finally {
                db.execute("REVOKE ALL ON reports FROM migrationtest_absent_reader;"
                        + " DROP ROLE migrationtest_absent_reader");
            }
        }
    }

    /** The statement as the fix text gives it: it must be there verbatim, so that what users copy is what runs here. */
    private static String statement(String fix, String expected) {
        assertThat(fix).contains(expected);
        return expected;
    }

    private static Finding finding(MigrationFailure failure) {
        assertThat(failure.finding()).as("finding of:\n%s", failure.describe()).isPresent();
        return failure.finding().get();
    }
}
