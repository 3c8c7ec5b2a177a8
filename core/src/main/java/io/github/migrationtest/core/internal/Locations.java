package io.github.migrationtest.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/** Where migration files live: {@code classpath:db/migration}, {@code filesystem:/path}, or a bare class path location. */
public final class Locations {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private Locations() {
    }

    /** Whether the location exists (a directory or file on the class path or the file system). */
    public static boolean exists(String location, ClassLoader loader) {
        if (location.startsWith(FILESYSTEM)) {
            return Files.exists(Paths.get(location.substring(FILESYSTEM.length())));
        }
        String path = stripLeadingSlash(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location);
        try {
            List<URL> urls = Collections.list(loader.getResources(path));
            return !urls.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look up " + location + " on the class path", e);
        }
    }

    /** The text of a file inside a location, if it is there. */
    public static Optional<String> read(String location, String relativePath, ClassLoader loader) {
        try {
            if (isFileSystem(location)) {
                Path file = fileSystemPath(location).resolve(relativePath);
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            }
            URL url = loader.getResource(classPathResource(location) + "/" + relativePath);
            if (url == null) {
                return Optional.empty();
            }
            try (InputStream in = url.openStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file system path for a {@code filesystem:} location. */
    public static Path fileSystemPath(String location) {
        return Paths.get(location.substring(FILESYSTEM.length()));
    }

    /** Whether the location names the file system rather than the class path. */
    public static boolean isFileSystem(String location) {
        return location.startsWith(FILESYSTEM);
    }

    /** The class path resource of a {@code classpath:} or bare location. */
    public static String classPathResource(String location) {
        return stripLeadingSlash(location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location);
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
