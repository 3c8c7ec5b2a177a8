package io.github.migrationtest.junit;

import io.github.migrationtest.core.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** A database parameter in a class that forgot {@code @MigrationTest}; launched by {@link MissingAnnotationHintTests}. */
class NotAnnotatedTestCases {

    @Test
    void migrates(MigrationDatabase db) {
    }

    @Test
    void migratesAgain(MigrationDatabase db) {
    }
}
