package io.github.migrationtest.assertions.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * An installed extension.
 *
 * @param name the extension name, e.g. {@code btree_gist}
 * @param version the installed version, e.g. {@code 1.7}
 * @param schema the schema its objects live in
 * @param comment its comment, if any
 */
public record Extension(String name, String version, String schema, Optional<String> comment) {

    /** Validates the components. */
    public Extension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(comment, "comment");
    }
}
