package io.github.migrationtest.scenarios;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import java.util.List;
import java.util.Objects;

/**
 * What one of several migrators started together did.
 *
 * @param number which migrator, from 1
 * @param result its run: the migrations it applied itself, and its failure, diagnosed
 */
public record MigratorRun(int number, MigrationResult result) {

    /** Validates the components. */
    public MigratorRun {
        Objects.requireNonNull(result, "result");
    }

    /** The migrations it applied. */
    public List<Migration> applied() {
        return result.applied();
    }

    /** Whether its run ended without failure. */
    public boolean succeeded() {
        return result.succeeded();
    }

    /** One line: the migrator, what it applied, how it ended. */
    public String describe() {
        String applied = result.applied().isEmpty() ? "applied nothing" : "applied " + result.appliedIds();
        return "migrator " + number + ": " + result.failure().map(f -> applied + ", then " + f.describe()
                .replace("\n", "\n  ")).orElse(applied + " in " + result.duration().toMillis() + " ms");
    }
}
