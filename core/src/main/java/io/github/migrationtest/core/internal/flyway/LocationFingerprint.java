package io.github.migrationtest.core.internal.flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;

/**
 * What the files of a chain's locations look like, cheaply: every file's path, size and modification
 * time, and for a location inside a jar the jar's. Two equal fingerprints mean Flyway would resolve
 * the same migrations, so what it resolved once can be reused; a changed file changes it.
 */
final class LocationFingerprint {

    private LocationFingerprint() {
    }

    /**
     * The fingerprint of the locations; empty where one cannot be taken cheaply (wildcards, cloud
     * storage, class path entries that are neither directories nor jars), and nothing is cached then.
     */
    static Optional<String> of(Location[] locations, ClassLoader classLoader) {
        StringBuilder text = new StringBuilder();
        try {
            for (Location location : locations) {
                String path = location.getPath();
                if (path.contains("*") || path.contains("?") || !(location.isClassPath() || location.isFileSystem())) {
                    return Optional.empty();
                }
                text.append(location.getDescriptor()).append('\n');
                if (location.isFileSystem()) {
                    directory(Paths.get(path), text);
                } else if (!classPath(path, classLoader, text)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(text.toString());
    }

    private static boolean classPath(String path, ClassLoader classLoader, StringBuilder text)
            throws IOException, URISyntaxException {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        List<URL> urls = Collections.list(classLoader.getResources(resource));
        for (URL url : urls) {
            text.append(url).append('\n');
            if (url.getProtocol().equals("file")) {
                directory(Paths.get(url.toURI()), text);
            } else if (url.getProtocol().equals("jar") && url.getPath().startsWith("file:")
                    && url.getPath().indexOf("!/") == url.getPath().lastIndexOf("!/")) {
                // A jar does not change under a running JVM without its size or time changing.
                Path jar = Paths.get(new URL(url.getPath().substring(0, url.getPath().indexOf("!/"))).toURI());
                file(jar, Files.readAttributes(jar, BasicFileAttributes.class), text);
            } else {
                return false;
            }
        }
        return true;
    }

    private static void directory(Path directory, StringBuilder text) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted().forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        file(file, attributes, text);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void file(Path file, BasicFileAttributes attributes, StringBuilder text) {
        text.append(file).append('|').append(attributes.size()).append('|')
                .append(attributes.lastModifiedTime().toMillis()).append('\n');
    }
}
