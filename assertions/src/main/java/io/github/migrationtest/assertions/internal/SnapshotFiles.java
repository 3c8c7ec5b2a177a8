package io.github.migrationtest.assertions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that reads and writes committed schema snapshot files: every check that compares a schema with
 * a file first asks {@link #writeIfDue} whether to write it instead, under the same rules and with the same
 * message.
 */
public final class SnapshotFiles {

    /** What to do when the file does not exist and no update was asked for. */
    public enum Missing {
        /** Fail: the assertion says how to create the file. */
        FAIL,
        /**
         * Write it, so that a new suite starts green - except where the environment variable {@code CI} is
         * {@code true}: a file written in a CI workspace would never be compared with anything.
         */
        WRITE_OUTSIDE_CI
    }

    private SnapshotFiles() {
    }

    /**
     * Writes the file when the settings ask for it ({@code update}) or the missing-file rule does; creates
     * directories as needed and leaves a file that already holds the text untouched.
     *
     * @return whether the file now holds {@code text} by this call, so that there is nothing to compare
     */
    public static boolean writeIfDue(Path file, String text, boolean update, Missing missing) {
        boolean writeMissing = missing == Missing.WRITE_OUTSIDE_CI && Files.notExists(file)
                && !"true".equalsIgnoreCase(System.getenv("CI"));
        if (!update && !writeMissing) {
            return false;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (read(file).filter(text::equals).isEmpty()) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                System.err.println("[migrationtest] Wrote the schema snapshot " + file.toAbsolutePath()
                        + (update ? " (migrationtest.update-snapshots=true)" : " (it did not exist)")
                        + " - review and commit it; later runs compare with it.");
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the schema snapshot " + file, e);
        }
    }

    /** The file's text, or empty if it does not exist. */
    public static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the schema snapshot " + file, e);
        }
    }
}
