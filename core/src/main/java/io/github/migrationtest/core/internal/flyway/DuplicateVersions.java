package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.internal.Locations;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Finds SQL migrations that share a version before any database exists, so that the class fails
 * before its tests with every file named (Flyway finds them only when it first migrates). Covers
 * Flyway's default naming in directories; other naming and migrations inside jars are left to Flyway.
 */
final class DuplicateVersions {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
    private static final List<String> NAMING_KEYS = List.of("flyway.sqlMigrationPrefix",
            "flyway.sqlMigrationSeparator", "flyway.sqlMigrationSuffixes");

    private DuplicateVersions() {
    }

    static void check(List<String> locations, ClassLoader loader, Map<String, String> properties, String chain) {
        if (NAMING_KEYS.stream().anyMatch(properties::containsKey)) {
            return;
        }
        Map<MigrationVersion, List<Path>> byVersion = new LinkedHashMap<>();
        for (String location : locations) {
            for (Path directory : directories(location, loader)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        Matcher m = VERSIONED.matcher(file.getFileName().toString());
                        if (m.matches()) {
                            byVersion.computeIfAbsent(MigrationVersion.fromVersion(m.group(1).replace('_', '.')),
                                    v -> new ArrayList<>()).add(file);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    return;
                }
            }
        }
        for (Map.Entry<MigrationVersion, List<Path>> entry : byVersion.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new MigrationTestConfigurationException("The " + chain + " has " + entry.getValue().size()
                        + " migrations with version " + entry.getKey() + ":\n" + entry.getValue().stream()
                        .map(p -> "  " + p).collect(Collectors.joining("\n")) + "\nFlyway refuses a chain with two"
                        + " migrations of one version; give all but one of them a version of their own.");
            }
        }
    }

    private static List<Path> directories(String location, ClassLoader loader) {
        if (Locations.isFileSystem(location)) {
            Path path = Locations.fileSystemPath(location);
            return Files.isDirectory(path) ? List.of(path) : List.of();
        }
        List<Path> directories = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(Locations.classPathResource(location)))) {
                if (url.getProtocol().equals("file")) {
                    directories.add(Paths.get(url.toURI()));
                }
            }
        } catch (IOException | URISyntaxException e) {
            return List.of();
        }
        return directories;
    }
}
