package io.github.migrationtest.core.internal.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a directory of unpacked binaries looked like, entry by entry, when it was last found to hold
 * exactly what its {@link BinaryManifest} lists: owner, mode, size, inode, modification and change
 * time. Hashing the 60 MB of every file before each start costs a quarter of a second; comparing
 * these costs a few milliseconds and finds the same changes: writing, replacing, adding, removing,
 * chmod or chown of an entry all move its change time (ctime), which no one but root can set back.
 * Anything that differs sends the directory through the full check again.
 *
 * <p>The stamp lies next to the directory, not in it: the directory holds what the archive held and
 * nothing else, as every version of migrationtest that shares the cache checks.
 */
final class BinaryStamp {

    private static final String SUFFIX = ".verified";
    private static final String VERSION = "version\t";

    private BinaryStamp() {
    }

    /**
     * The server version recorded with the stamp, if the directory is exactly as it was when stamped;
     * empty if there is no stamp (of the current user's), or anything differs.
     */
    static Optional<String> unchanged(Path directory) {
        Path file = stampOf(directory);
        Optional<TrustedPaths.Attributes> attributes = TrustedPaths.attributes(file);
        if (attributes.isEmpty() || attributes.get().symbolicLink() || attributes.get().uid() != TrustedPaths.currentUid()
                || (attributes.get().mode() & 0022) != 0) {
            return Optional.empty();
        }
        try {
            List<String> recorded = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (recorded.isEmpty() || !recorded.get(0).startsWith(VERSION)) {
                return Optional.empty();
            }
            return recorded.subList(1, recorded.size()).equals(entries(directory))
                    ? Optional.of(recorded.get(0).substring(VERSION.length())) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Records the directory as it is now, with the server version its binaries report. */
    static void write(Path directory, String version) {
        List<String> lines = new ArrayList<>();
        lines.add(VERSION + version);
        try {
            lines.addAll(entries(directory));
            Path partial = directory.resolveSibling(stampOf(directory).getFileName() + ".partial-" + UUID.randomUUID());
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, stampOf(directory), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            // Without a stamp the next start verifies in full, as it did before stamps existed.
        }
    }

    private static Path stampOf(Path directory) {
        return directory.resolveSibling(directory.getFileName() + SUFFIX);
    }

    /** One line per entry, sorted by path. */
    private static List<String> entries(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.toList()) {
                String name = directory.relativize(path).toString();
                lines.add(name + "\t" + state(path));
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return lines;
    }

    private static String state(Path path) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:uid,mode,size,ino,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
            // Numbers, not FileTime's text: formatting a thousand dates is most of the cost in a fresh JVM.
            return a.get("uid") + "\t" + a.get("mode") + "\t" + a.get("size") + "\t" + a.get("ino") + "\t"
                    + ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS) + "\t"
                    + ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view: a stamp could not tell a change, so there is none (the full check runs each time).
            throw new IOException("no unix attributes", e);
        }
    }
}
