package io.github.migrationtest.core.internal.flyway;

import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;

/**
 * What Flyway said about each migration that failed validation. Its exception's first line is only
 * "Validate failed: Migrations have failed validation"; the lines after it name the migrations and what is
 * wrong with each ("Detected resolved migration not applied to database: 2."), and that is what a user
 * needs to see.
 */
final class ValidationDetail {

    private ValidationDetail() {
    }

    /** The per-migration lines of a validation failure, one per line; empty for other failures. */
    static Optional<String> of(FlywayException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.startsWith("Validate failed")) {
            return Optional.empty();
        }
        List<String> lines = message.lines().skip(1).map(String::strip)
                // Flyway's advertisement for its paid validation rules is no detail of this failure.
                .filter(line -> !line.isEmpty() && !line.startsWith("Need more flexibility"))
                .toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n  ", lines));
    }
}
