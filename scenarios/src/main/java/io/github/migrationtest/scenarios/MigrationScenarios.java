package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.SchemaChange;
import io.github.migrationtest.core.model.Migration;
import java.util.List;
import java.util.Objects;

/**
 * What discovery observed one migration do, and the broken states that therefore apply to it.
 *
 * @param migration the migration
 * @param changes the schema changes it made, between the snapshots before and after it
 * @param scenarios the states that apply to it, each ready to prepare
 */
public record MigrationScenarios(Migration migration, List<SchemaChange> changes, List<Scenario> scenarios) {

    /** Validates and copies the components. */
    public MigrationScenarios {
        Objects.requireNonNull(migration, "migration");
        changes = List.copyOf(changes);
        scenarios = List.copyOf(scenarios);
    }
}
