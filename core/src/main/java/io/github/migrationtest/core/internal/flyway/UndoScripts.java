package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The undo scripts ({@code U<version>__<description>.sql}) of a Flyway chain, found by migrationtest
 * itself in the chain's locations and undo locations: Flyway's community edition does not resolve
 * them (it ignores them, or rejects them with {@code validateMigrationNaming=true}).
 *
 * <p>Locations are read from their text ({@code classpath:db/migration}, {@code filesystem:sql},
 * {@code db/**}) rather than through Flyway's {@code Location}, whose accessors Flyway 11 deprecated.
 */
final class UndoScripts {

    /** The prefix of undo scripts, as in Flyway Teams, so that a chain can move there unchanged. */
    static final String PREFIX = "U";

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    /** One undo script: its version, its path in its location, the location, its text. */
    record UndoScript(MigrationVersion version, String name, String location, String text) {
    }

    private final List<UndoScript> scripts;

    private UndoScripts(List<UndoScript> scripts) {
        this.scripts = scripts;
    }

    /**
     * Scans the locations for undo scripts.
     *
     * @param locations location descriptors as Flyway writes them; only class path and file system
     *     locations can hold undo scripts
     * @param migrationScripts the scripts of the resolved migrations, relative to their location: a jar
     *     without directory entries is found only through the files it holds
     * @param separator Flyway's {@code sqlMigrationSeparator}, {@code __} by default
     * @param suffixes Flyway's {@code sqlMigrationSuffixes}, {@code .sql} by default
     */
    static UndoScripts scan(List<String> locations, List<String> migrationScripts, ClassLoader loader,
            String separator, List<String> suffixes, Charset encoding) {
        List<UndoScript> found = new ArrayList<>();
        for (String descriptor : locations) {
            Optional<Where> where = Where.parse(descriptor);
            if (where.isEmpty()) {
                continue;
            }
            for (Candidate candidate : candidates(where.get(), migrationScripts, loader)) {
                undoScript(candidate, separator, suffixes, encoding).ifPresent(found::add);
            }
        }
        return new UndoScripts(found);
    }

    /**
     * The undo scripts of the locations as {@link #scan} finds them, scanned once per JVM for each content of the
     * locations (path, size and time of their files) and each list of migration scripts; scanned each time where
     * the locations cannot be fingerprinted cheaply (wildcards, cloud storage).
     */
    static UndoScripts cached(List<String> locations, List<String> migrationScripts, ClassLoader loader,
            String separator, List<String> suffixes, Charset encoding) {
        Optional<String> fingerprint;
        try {
            fingerprint = LocationFingerprint.of(locations.stream().map(Location::new).toArray(Location[]::new), loader);
        } catch (RuntimeException e) {
            fingerprint = Optional.empty();
        }
        if (fingerprint.isEmpty()) {
            return scan(locations, migrationScripts, loader, separator, suffixes, encoding);
        }
        String key = fingerprint.get() + "\n" + System.identityHashCode(loader) + "\n" + separator + "\n" + suffixes
                + "\n" + encoding + "\n" + String.join("\n", migrationScripts);
        UndoScripts known = SCANS.get(key);
        if (known != null) {
            return known;
        }
        UndoScripts scanned = scan(locations, migrationScripts, loader, separator, suffixes, encoding);
        if (SCANS.size() < MAX_SCANS) {
            SCANS.put(key, scanned);
        }
        return scanned;
    }

    // Keyed by what cached() is given; bounded, since a long-lived JVM may see many versions of its locations.
    private static final Map<String, UndoScripts> SCANS = new ConcurrentHashMap<>();
    private static final int MAX_SCANS = 256;

    /**
     * The undo script of a version, if there is one.
     *
     * @throws MigrationTestConfigurationException if there are several
     */
    Optional<UndoScript> of(MigrationVersion version) {
        List<UndoScript> matches = scripts.stream().filter(s -> s.version().equals(version))
                .collect(Collectors.toUnmodifiableList());
        if (matches.size() > 1) {
            throw new MigrationTestConfigurationException("Migration " + version + " has " + matches.size()
                    + " undo scripts: " + matches.stream().map(s -> s.location() + "/" + s.name())
                    .collect(Collectors.joining(", ")) + ". Keep one.");
        }
        return matches.stream().findFirst();
    }

    private static Optional<UndoScript> undoScript(Candidate candidate, String separator, List<String> suffixes,
            Charset encoding) {
        String name = candidate.path().substring(candidate.path().lastIndexOf('/') + 1);
        Optional<String> suffix = suffixes.stream().filter(name::endsWith).findFirst();
        int versionEnd = name.indexOf(separator);
        if (!name.startsWith(PREFIX) || suffix.isEmpty() || versionEnd <= PREFIX.length()) {
            return Optional.empty();
        }
        MigrationVersion version;
        try {
            version = MigrationVersion.fromVersion(name.substring(PREFIX.length(), versionEnd));
        } catch (FlywayException | NumberFormatException e) {
            // Not an undo script, only a file whose name starts with U (Flyway ignores it too).
            return Optional.empty();
        }
        return Optional.of(new UndoScript(version, candidate.path(), candidate.location(),
                read(candidate.url(), encoding)));
    }

    private static String read(URL url, Charset encoding) {
        try {
            URLConnection connection = url.openConnection();
            // Jar connections are cached by default and would keep the jar open after the read.
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), encoding);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the undo script " + url, e);
        }
    }

    /**
     * A location: on the class path or the file system, its root directory, and for wildcard
     * locations ({@code db/**}) the pattern the directories of its files must match.
     */
    private record Where(String descriptor, boolean classPath, String root, Optional<PathMatcher> pattern) {

        static Optional<Where> parse(String descriptor) {
            String lower = descriptor.toLowerCase(Locale.ROOT);
            boolean classPath;
            String path;
            if (lower.startsWith(CLASSPATH)) {
                classPath = true;
                path = descriptor.substring(CLASSPATH.length());
            } else if (lower.startsWith(FILESYSTEM)) {
                classPath = false;
                path = descriptor.substring(FILESYSTEM.length());
            } else if (descriptor.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                // s3:, gcs: and the like: Flyway reads those itself; undo scripts must be elsewhere.
                return Optional.empty();
            } else {
                classPath = true;
                path = descriptor;
            }
            if (classPath) {
                path = path.replaceAll("^/+", "");
            }
            path = path.replaceAll("/+$", "");
            int wildcard = firstWildcard(path);
            if (wildcard < 0) {
                return Optional.of(new Where(descriptor, classPath, path, Optional.empty()));
            }
            int rootEnd = path.lastIndexOf('/', wildcard);
            String root = rootEnd < 0 ? "" : path.substring(0, rootEnd);
            return Optional.of(new Where(descriptor, classPath, root,
                    Optional.of(FileSystems.getDefault().getPathMatcher("glob:" + path))));
        }

        private static int firstWildcard(String path) {
            int star = path.indexOf('*');
            int question = path.indexOf('?');
            return star < 0 ? question : question < 0 ? star : Math.min(star, question);
        }

        /** Whether a file, by its path relative to the root, is in this location. */
        boolean holds(String relative) {
            if (pattern.isEmpty()) {
                return true;
            }
            // Locations are recursive: a file counts if any directory above it, up to the root, matches.
            String full = root.isEmpty() ? relative : root + "/" + relative;
            for (int slash = full.lastIndexOf('/'); slash > 0; slash = full.lastIndexOf('/', slash - 1)) {
                if (pattern.get().matches(Paths.get(full.substring(0, slash)))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A file in a location: its path relative to the location, the location and its URL. */
    private record Candidate(String path, String location, URL url) {
    }

    private static List<Candidate> candidates(Where where, List<String> migrationScripts, ClassLoader loader) {
        try {
            if (!where.classPath()) {
                Path root = Paths.get(where.root());
                return Files.isDirectory(root) ? files(root, where) : List.of();
            }
            String prefix = where.root().isEmpty() ? "" : where.root() + "/";
            List<URL> urls = new ArrayList<>(Collections.list(loader.getResources(where.root())));
            Set<String> jars = new HashSet<>();
            for (URL url : urls) {
                if ("jar".equals(url.getProtocol())) {
                    jars.add(((JarURLConnection) url.openConnection()).getJarFileURL().toString());
                }
            }
            for (String script : migrationScripts) {
                URL url = loader.getResource(prefix + script);
                if (url != null && "jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    if (jars.add(connection.getJarFileURL().toString())) {
                        // The jar itself: it has no entry for the directory to point at.
                        urls.add(new URL("jar:" + connection.getJarFileURL() + "!/"));
                    }
                }
            }
            List<Candidate> candidates = new ArrayList<>();
            for (URL url : urls) {
                if ("file".equals(url.getProtocol())) {
                    candidates.addAll(files(Paths.get(url.toURI()), where));
                } else if ("jar".equals(url.getProtocol())) {
                    candidates.addAll(jarEntries(url, prefix, where));
                }
            }
            return candidates;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the Flyway location " + where.descriptor(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The class loader returned an unusable URL for " + where.descriptor(), e);
        }
    }

    private static List<Candidate> files(Path root, Where where) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Candidate> candidates = new ArrayList<>();
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (where.holds(relative)) {
                    candidates.add(new Candidate(relative, where.descriptor(), file.toUri().toURL()));
                }
            }
            return candidates;
        }
    }

    private static List<Candidate> jarEntries(URL url, String prefix, Where where) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        List<Candidate> candidates = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    String relative = entry.getName().substring(prefix.length());
                    if (where.holds(relative)) {
                        candidates.add(new Candidate(relative, where.descriptor(),
                                new URL("jar:" + connection.getJarFileURL() + "!/" + entry.getName())));
                    }
                }
            }
        }
        return candidates;
    }
}
