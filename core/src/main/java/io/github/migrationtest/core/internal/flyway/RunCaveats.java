package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.internal.Listing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What makes one Flyway run of several migrations differ from the same migrations run one at a time:
 * repeatable migrations (applied at the end of every run that finds them changed or new), callbacks (SQL
 * scripts such as {@code afterMigrate.sql} in the locations, or Java callbacks, which run once per run),
 * Java migrations (code that may read the history or the session), and the settings {@code outOfOrder}
 * and {@code baselineOnMigrate}, under which what a run applies depends on the history it finds.
 */
final class RunCaveats {

    private static final int NAMED = 3;

    private RunCaveats() {
    }

    static Optional<String> of(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        List<String> caveats = new ArrayList<>();
        MigrationInfo[] all = flyway.info().all();
        List<String> repeatables = Arrays.stream(all).filter(info -> info.getVersion() == null)
                .map(MigrationInfo::getScript).distinct().toList();
        if (!repeatables.isEmpty()) {
            caveats.add("repeatable migrations (" + named(repeatables) + ") run at the end of every run");
        }
        List<String> java = Arrays.stream(all).filter(info -> String.valueOf(info.getType()).contains("JDBC"))
                .map(MigrationInfo::getScript).distinct().toList();
        if (!java.isEmpty()) {
            caveats.add("Java migrations (" + named(java) + ") may read what the run before them left");
        }
        List<String> callbacks = new ArrayList<>(Arrays.stream(configuration.getCallbacks())
                .map(callback -> callback.getClass().getName()).toList());
        callbacks.addAll(sqlCallbacks(configuration));
        if (!callbacks.isEmpty()) {
            caveats.add("callbacks (" + named(callbacks) + ") run once per run");
        }
        if (configuration.isOutOfOrder()) {
            caveats.add("outOfOrder=true makes what a run applies depend on the history it finds");
        }
        if (configuration.isBaselineOnMigrate()) {
            caveats.add("baselineOnMigrate=true makes the first run on a non-empty schema a baseline");
        }
        return caveats.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", caveats));
    }

    /** SQL callback scripts in the locations: {@code <event>.sql} or {@code <event>__<description>.sql}. */
    private static List<String> sqlCallbacks(Configuration configuration) {
        Set<String> events = Arrays.stream(Event.values()).map(event -> event.getId().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> suffixes = Arrays.stream(configuration.getSqlMigrationSuffixes())
                .map(suffix -> suffix.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (Location location : configuration.getLocations()) {
            for (String name : fileNames(location, configuration.getClassLoader())) {
                String lower = name.toLowerCase(Locale.ROOT);
                for (String suffix : suffixes) {
                    if (lower.endsWith(suffix)) {
                        String stem = lower.substring(0, lower.length() - suffix.length());
                        String event = stem.contains("__") ? stem.substring(0, stem.indexOf("__")) : stem;
                        if (events.contains(event)) {
                            found.add(name);
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The names of the files under a location; none where it cannot be listed (cloud storage, wildcards). */
    private static List<String> fileNames(Location location, ClassLoader classLoader) {
        String path = location.getPath();
        try {
            if (location.isFileSystem()) {
                return directory(Paths.get(path));
            }
            if (!location.isClassPath()) {
                return List.of();
            }
            String resource = path.startsWith("/") ? path.substring(1) : path;
            List<String> names = new ArrayList<>();
            for (URL url : Collections.list(classLoader.getResources(resource))) {
                if (url.getProtocol().equals("file")) {
                    names.addAll(directory(Paths.get(url.toURI())));
                } else if (url.getProtocol().equals("jar") && url.getPath().startsWith("file:")) {
                    String jar = url.getPath().substring(0, url.getPath().indexOf("!/"));
                    try (JarFile file = new JarFile(Paths.get(new URL(jar).toURI()).toFile())) {
                        String prefix = resource.endsWith("/") ? resource : resource + "/";
                        file.stream().filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
                                .map(entry -> entry.getName().substring(entry.getName().lastIndexOf('/') + 1))
                                .forEach(names::add);
                    }
                }
            }
            return names;
        } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<String> directory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String named(List<String> names) {
        return Listing.firstOf(names, NAMED);
    }
}
