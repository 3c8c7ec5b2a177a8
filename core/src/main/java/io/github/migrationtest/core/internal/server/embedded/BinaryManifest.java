package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an archive of binaries holds, entry by entry (type, size, SHA-256, link target), as read from
 * the archive while it was unpacked. Kept inside the unpacked directory; before binaries run, the
 * directory is compared with it, so a file changed or added after unpacking is found.
 */
final class BinaryManifest {

    static final String FILE = ".migrationtest-manifest";

    private final Map<String, Entry> entries;

    /** One entry: {@code f} file, {@code d} directory, {@code l} symbolic link. */
    record Entry(char type, long size, String sha256, String link) {
        String line(String path) {
            return type + "\t" + size + "\t" + sha256 + "\t" + link + "\t" + path;
        }
    }

    BinaryManifest() {
        this.entries = new TreeMap<>();
    }

    private BinaryManifest(Map<String, Entry> entries) {
        this.entries = entries;
    }

    void add(String path, Entry entry) {
        entries.put(path, entry);
    }

    Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    void write(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        entries.forEach((path, entry) -> lines.add(entry.line(path)));
        Files.write(directory.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    /**
     * Checks that the directory holds exactly what the manifest inside it lists.
     *
     * @throws MigrationTestException naming the first difference, the directory and the fix
     */
    static void verify(Path directory, String origin) {
        Path file = directory.resolve(FILE);
        TrustedPaths.requireOwned(file);
        BinaryManifest manifest = read(file);
        Map<String, Entry> seen = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.toList()) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty() || name.equals(FILE)) {
                    continue;
                }
                Entry expected = manifest.entries.get(name);
                if (expected == null) {
                    throw changed(directory, origin, name + " is not in the archive");
                }
                if (expected.type() == 'd') {
                    TrustedPaths.requireOwned(path);
                }
                Entry actual = entryOf(path, expected.type() == 'f');
                if (actual.type() != expected.type() || actual.size() != expected.size()
                        || !actual.sha256().equals(expected.sha256()) || !actual.link().equals(expected.link())) {
                    throw changed(directory, origin, name + " differs from the archive (" + describe(actual)
                            + " instead of " + describe(expected) + ")");
                }
                seen.put(name, actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory, e);
        }
        for (String name : manifest.entries.keySet()) {
            if (!seen.containsKey(name)) {
                throw changed(directory, origin, name + " is missing");
            }
        }
    }

    private static MigrationTestException changed(Path directory, String origin, String difference) {
        return new MigrationTestException("Refusing to run the PostgreSQL binaries in " + directory + ": " + difference
                + ", so they are not what migrationtest unpacked from " + origin + ". Remove the directory (rm -rf "
                + directory + ") and run again; it is unpacked anew.");
    }

    private static String describe(Entry entry) {
        return switch (entry.type()) {
            case 'd' -> "a directory";
            case 'l' -> "a link to " + entry.link();
            default -> entry.size() + " bytes, SHA-256 " + entry.sha256().substring(0, 12) + "…";
        };
    }

    private static Entry entryOf(Path path, boolean hash) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return new Entry('l', 0, "-", Files.readSymbolicLink(path).toString());
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Entry('d', 0, "-", "-");
        }
        long size = Files.size(path);
        if (!hash) {
            return new Entry('f', size, "?", "-");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new Entry('f', size, sha256(in), "-");
        }
    }

    private static BinaryManifest read(Path file) {
        try {
            Map<String, Entry> entries = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 5);
                entries.put(fields[4], new Entry(fields[0].charAt(0), Long.parseLong(fields[1]), fields[2], fields[3]));
            }
            return new BinaryManifest(entries);
        } catch (IOException | RuntimeException e) {
            throw new MigrationTestException("Refusing to run the PostgreSQL binaries in " + file.getParent() + ": their"
                    + " manifest " + file + " cannot be read (" + e.getMessage() + "). Remove the directory (rm -rf "
                    + file.getParent() + ") and run again; it is unpacked anew.", e);
        }
    }

    /** The hex SHA-256 of what a stream holds, read to its end (the stream is not closed). */
    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        try (DigestInputStream digesting = new DigestInputStream(in, digest) {
            @Override
            public void close() {
                // The caller owns the stream.
            }
        }) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
