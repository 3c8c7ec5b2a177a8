package io.github.migrationtest.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One migration of a chain, as its engine resolved it.
 *
 * @param id what identifies the migration in its chain: the Flyway version ({@code "7"}, {@code "1.2"}),
 *     {@code R__<description>} for a Flyway repeatable migration, or the Liquibase changeset id
 * @param description the engine's description of the migration
 * @param script the script or changelog file that holds it
 * @param checksum the engine's checksum of the migration, if it computes one
 * @param author the Liquibase changeset author; empty for Flyway
 */
public record Migration(String id, String description, String script, Optional<String> checksum,
        Optional<String> author) {

    /** Validates the components. */
    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(author, "author");
    }

    /** A migration without author, as Flyway resolves them. */
    public static Migration of(String id, String description, String script, Optional<String> checksum) {
        return new Migration(id, description, script, checksum, Optional.empty());
    }

    /**
     * Whether the migration is repeatable (a Flyway {@code R__} migration): it is applied after the
     * versioned ones whenever it changes, so no database state is "at" it.
     */
    public boolean isRepeatable() {
        return id.startsWith("R__");
    }

    /** How messages name the migration: {@code 7 "cast industry" (V7__cast_industry.sql)}. */
    public String displayName() {
        String who = author.map(a -> " by " + a).orElse("");
        return id + (description.isEmpty() ? "" : " \"" + description + "\"") + who + " (" + script + ")";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
