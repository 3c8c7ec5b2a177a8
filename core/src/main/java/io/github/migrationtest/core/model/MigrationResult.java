package io.github.migrationtest.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one run of a chain did: the migrations it applied and, if it stopped early, why.
 *
 * @param applied the migrations applied by this run, in order (a failed migration is not among them)
 * @param failure why the run stopped, if it did
 * @param duration how long the run took
 */
public record MigrationResult(List<Migration> applied, Optional<MigrationFailure> failure, Duration duration) {

    /** Validates and copies the components. */
    public MigrationResult {
        applied = List.copyOf(applied);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(duration, "duration");
    }

    /** A run that applied the given migrations and did not fail. */
    public static MigrationResult success(List<Migration> applied, Duration duration) {
        return new MigrationResult(applied, Optional.empty(), duration);
    }

    /** A run that applied the given migrations and then failed. */
    public static MigrationResult failure(List<Migration> applied, MigrationFailure failure, Duration duration) {
        return new MigrationResult(applied, Optional.of(failure), duration);
    }

    /** Whether the run completed without failure. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** The ids of the applied migrations, in order. */
    public List<String> appliedIds() {
        return applied.stream().map(Migration::id).collect(Collectors.toUnmodifiableList());
    }

    /** A readable account of the run, several lines when it failed. */
    public String describe() {
        String appliedText = applied.isEmpty() ? "applied nothing" : "applied " + appliedIds();
        return failure.map(f -> appliedText + ", then " + f.describe())
                .orElse(appliedText + " in " + duration.toMillis() + " ms");
    }

    @Override
    public String toString() {
        return describe();
    }
}
