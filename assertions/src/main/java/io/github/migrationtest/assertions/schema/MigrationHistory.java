package io.github.migrationtest.assertions.schema;

import io.github.migrationtest.core.model.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rows of a migration engine's history table ({@code flyway_schema_history}, {@code databasechangelog}),
 * in order of execution.
 *
 * <p>A type of its own rather than a {@code List}, so that {@code assertThat(history)} does not clash with
 * AssertJ's {@code assertThat(List)} when both are statically imported.
 *
 * @param table the history table the rows come from; empty if the database has none
 * @param entries the rows, in order of execution
 */
public record MigrationHistory(Optional<QualifiedName> table, List<HistoryEntry> entries) {

    /** Validates and copies the components. */
    public MigrationHistory {
        Objects.requireNonNull(table, "table");
        entries = List.copyOf(entries);
    }

    /** A history of the given entries, e.g. from {@code MigrationDatabase.history()}. */
    public static MigrationHistory of(List<HistoryEntry> entries) {
        return new MigrationHistory(Optional.empty(), entries);
    }

    /** A database without a history table. */
    public static MigrationHistory empty() {
        return new MigrationHistory(Optional.empty(), List.of());
    }

    /** The ids of all entries, in order of execution. */
    public List<String> ids() {
        return entries.stream().map(HistoryEntry::id).collect(Collectors.toUnmodifiableList());
    }

    /** The ids of the entries recorded as failed. */
    public List<String> failedIds() {
        return entries.stream().filter(e -> !e.success()).map(HistoryEntry::id)
                .collect(Collectors.toUnmodifiableList());
    }

    /** The last entry recorded for a migration id. */
    public Optional<HistoryEntry> entry(String id) {
        Optional<HistoryEntry> found = Optional.empty();
        for (HistoryEntry entry : entries) {
            if (entry.id().equals(id)) {
                found = Optional.of(entry);
            }
        }
        return found;
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
