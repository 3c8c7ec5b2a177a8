package io.github.migrationtest.examples.tablesoutsidechain;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.model.Diagnosis;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

/** The repair migration of the original chain, on an empty database: it never worked anywhere. */
@MigrationTest(flyway = "classpath:incidents/tables-outside-chain/original")
class OriginalRepairMigrationTests {

    // tag::mixed-concurrently[]
    @Test
    void theRepairMixesConcurrentlyIndexesWithTransactionalStatements(MigrationDatabase db) {
        assertThat(db.migrate()).failed()
                .withMessageContaining("Detected both transactional and non-transactional statements")
                .hasDiagnosis(Diagnosis.CONCURRENTLY_IN_TRANSACTION);
    }
    // end::mixed-concurrently[]
}
