package io.github.migrationtest.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an engine's history table ({@code flyway_schema_history}, {@code DATABASECHANGELOG}).
 *
 * @param rank position in the order of execution, from 1
 * @param id the migration id (see {@link Migration#id()})
 * @param description the recorded description
 * @param script the recorded script
 * @param checksum the recorded checksum, if any
 * @param success whether the engine recorded the migration as successful
 * @param installedOn when it was recorded, if the engine says
 */
public record HistoryEntry(int rank, String id, String description, String script, Optional<String> checksum,
        boolean success, Optional<Instant> installedOn) {

    /** Validates the components. */
    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(installedOn, "installedOn");
    }
}
