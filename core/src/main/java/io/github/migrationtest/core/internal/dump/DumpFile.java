package io.github.migrationtest.core.internal.dump;

import java.util.Objects;

/**
 * The text of one dump file and where it came from.
 *
 * @param source where it was read, for messages, e.g. {@code classpath:prod/schema.sql}
 * @param text its content
 */
public record DumpFile(String source, String text) {

    /** Validates the components. */
    public DumpFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
