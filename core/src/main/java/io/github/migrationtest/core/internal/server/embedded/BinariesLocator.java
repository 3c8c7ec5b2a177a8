package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.config.Configuration;
import io.github.migrationtest.core.internal.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL binaries of a major version, in this order: the configured directory, an
 * io.zonky.test.postgres jar on the class path, such a jar in the local Maven repository or in Gradle's
 * dependency cache, a local install in the usual places.
 */
final class BinariesLocator {

    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+)\\.(\\d+)\\.(\\d+)\\.jar");
    private static final Pattern SERVER_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

    private BinariesLocator() {
    }

    static Optional<BinarySource> locate(int major, Configuration configuration) {
        Optional<String> configured = configuration.find(Setting.EMBEDDED_BINARIES.key());
        if (configured.isPresent()) {
            return Optional.of(configuredDirectory(Paths.get(configured.get()), major));
        }
        Platform platform = Platform.current();
        return fromClassPath(major, platform)
                .or(() -> fromLocalRepository(major, platform))
                .or(() -> fromGradleCache(major, platform, gradleUserHome()))
                .or(() -> fromLocalInstall(major));
    }

    static BinarySource require(int major, Configuration configuration) {
        return locate(major, configuration).orElseThrow(() -> new MigrationTestConfigurationException(
                "No PostgreSQL " + major + " binaries found for the embedded provider. Do one of:\n"
                        + "  - add the test dependency " + ZonkyVersions.coordinates(major) + " (any " + major
                        + ".x release; for several majors, fetch the others into the local Maven repository with"
                        + " mvn dependency:get -Dartifact=" + ZonkyVersions.coordinates(major) + ", or in Gradle's"
                        + " cache by declaring it in any configuration Gradle resolves);\n"
                        + "  - install PostgreSQL " + major + " (e.g. apt-get install postgresql-" + major + ");\n"
                        + "  - set " + Setting.EMBEDDED_BINARIES.key() + " to a directory with bin/initdb and bin/postgres;\n"
                        + "  - or use another provider (" + Setting.PROVIDER.key() + "=docker or external)."));
    }

    /**
     * The configured place: an installation directory (with bin/postgres), an io.zonky.test.postgres
     * binaries jar, or a directory of such jars (one per major version, as maven-dependency-plugin's
     * copy goal leaves them).
     */
    private static BinarySource configuredDirectory(Path directory, int major) {
        Platform platform = Platform.current();
        if (Files.isRegularFile(directory) && directory.toString().endsWith(".jar")) {
            return jarOfMajor(List.of(directory), major, directory, platform);
        }
        Path home = Files.isExecutable(directory.resolve("postgres")) ? directory.getParent() : directory;
        if (home != null && Files.isExecutable(home.resolve("bin/postgres"))) {
            return installation(home, major);
        }
        List<Path> jars = binariesJars(directory, platform);
        if (!jars.isEmpty()) {
            return jarOfMajor(jars, major, directory, platform);
        }
        throw new MigrationTestConfigurationException(Setting.EMBEDDED_BINARIES.key() + " is '" + directory
                + "', which holds no bin/postgres and no " + platform.artifactId() + " jar. Point it at a PostgreSQL"
                + " installation directory (the parent of bin/), e.g. /usr/lib/postgresql/" + major
                + ", or at a directory of " + ZonkyVersions.GROUP_ID + " binaries jars.");
    }

    private static BinarySource installation(Path home, int major) {
        TrustedPaths.requireTrustedInstall(home, "The PostgreSQL program");
        String version = serverVersion(home).orElseThrow(() -> new MigrationTestConfigurationException(
                home.resolve("bin/postgres") + " --version did not print a PostgreSQL version; is it a PostgreSQL server?"));
        if (majorOf(version) != major) {
            throw new MigrationTestConfigurationException(Setting.EMBEDDED_BINARIES.key() + " points at PostgreSQL "
                    + version + " (" + home + "), but the test asks for PostgreSQL " + major
                    + ". Point it at " + major + " binaries or ask for postgres = \"" + majorOf(version) + "\".");
        }
        return new BinarySource.Directory(home, version);
    }

    private static BinarySource jarOfMajor(List<Path> jars, int major, Path configured, Platform platform) {
        return jars.stream().filter(jar -> majorOfJar(jar) == major)
                .max(Comparator.comparing(BinariesLocator::versionKey))
                .<BinarySource>map(jar -> new BinarySource.JarArchive(jar, platform.resourceName()))
                .orElseThrow(() -> new MigrationTestConfigurationException(Setting.EMBEDDED_BINARIES.key() + " is '"
                        + configured + "', which has binaries of PostgreSQL " + jars.stream()
                        .map(BinariesLocator::majorOfJar).distinct().sorted().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " but not of " + major + ". Add "
                        + ZonkyVersions.coordinates(major) + " there."));
    }

    private static List<Path> binariesJars(Path directory, Platform platform) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(platform.artifactId() + "-"))
                    .filter(f -> f.toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int majorOfJar(Path jar) {
        Matcher m = JAR_VERSION.matcher(jar.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Optional<BinarySource> fromClassPath(int major, Platform platform) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = BinariesLocator.class.getClassLoader();
        }
        try {
            for (URL url : Collections.list(loader.getResources(platform.resourceName()))) {
                Matcher m = JAR_VERSION.matcher(url.toString());
                if (m.find() && Integer.parseInt(m.group(1)) == major) {
                    String key = platform.artifactId() + "-" + m.group(1) + "." + m.group(2) + "." + m.group(3);
                    return Optional.of(new BinarySource.ClasspathArchive(url, key));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scan the class path for " + platform.resourceName(), e);
        }
    }

    private static Optional<BinarySource> fromLocalRepository(int major, Platform platform) {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank() ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
        Path artifact = repository.resolve(ZonkyVersions.GROUP_ID.replace('.', '/')).resolve(platform.artifactId());
        if (!Files.isDirectory(artifact)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(artifact)) {
            return versions.filter(v -> v.getFileName().toString().startsWith(major + "."))
                    .map(v -> v.resolve(platform.artifactId() + "-" + v.getFileName() + ".jar"))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing(BinariesLocator::versionKey))
                    .map(jar -> new BinarySource.JarArchive(jar, platform.resourceName()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A jar in Gradle's dependency cache, {@code <gradle home>/caches/modules-2/files-2.1/<group>/<artifact>/
     * <version>/<sha1>/<artifact>-<version>.jar}: where a Gradle build keeps the binaries of majors that cannot
     * all be on one test class path.
     */
    static Optional<BinarySource> fromGradleCache(int major, Platform platform, Path gradleHome) {
        Path artifact = gradleHome.resolve(Paths.get("caches", "modules-2", "files-2.1", ZonkyVersions.GROUP_ID,
                platform.artifactId()));
        if (!Files.isDirectory(artifact)) {
            return Optional.empty();
        }
        // depth 3: <version>/<sha1>/<jar>
        try (Stream<Path> files = Files.find(artifact, 3, (path, attributes) -> attributes.isRegularFile())) {
            return files.filter(jar -> jar.getFileName().toString().equals(
                            platform.artifactId() + "-" + jar.getParent().getParent().getFileName() + ".jar"))
                    .filter(jar -> majorOfJar(jar) == major)
                    .max(Comparator.comparing(BinariesLocator::versionKey))
                    .map(jar -> new BinarySource.JarArchive(jar, platform.resourceName()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Gradle's own rule: GRADLE_USER_HOME, else the gradle.user.home property, else ~/.gradle. */
    private static Path gradleUserHome() {
        String environment = System.getenv("GRADLE_USER_HOME");
        if (environment != null && !environment.isBlank()) {
            return Paths.get(environment);
        }
        String property = System.getProperty("gradle.user.home");
        return property != null && !property.isBlank() ? Paths.get(property)
                : Paths.get(System.getProperty("user.home"), ".gradle");
    }

    private static Optional<BinarySource> fromLocalInstall(int major) {
        List<Path> candidates = new ArrayList<>(List.of(
                Paths.get("/usr/lib/postgresql/" + major),
                Paths.get("/usr/pgsql-" + major),
                Paths.get("/opt/homebrew/opt/postgresql@" + major),
                Paths.get("/usr/local/opt/postgresql@" + major),
                Paths.get("/Applications/Postgres.app/Contents/Versions/" + major)));
        for (Path home : candidates) {
            if (Files.isExecutable(home.resolve("bin/postgres")) && Files.isExecutable(home.resolve("bin/initdb"))) {
                TrustedPaths.requireTrustedInstall(home, "The PostgreSQL program of the local install");
                Optional<String> version = serverVersion(home);
                if (version.isPresent() && majorOf(version.get()) == major) {
                    return Optional.of(new BinarySource.Directory(home, version.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The version {@code bin/postgres --version} prints, e.g. {@code 15.18}. */
    static Optional<String> serverVersion(Path home) {
        try {
            Process process = new ProcessBuilder(home.resolve("bin/postgres").toString(), "--version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = SERVER_VERSION.matcher(output);
            return m.find() ? Optional.of(m.group(1) + (m.group(2) == null ? "" : m.group(2))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int majorOf(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static String versionKey(Path jar) {
        Matcher m = JAR_VERSION.matcher(jar.getFileName().toString());
        return m.find() ? String.format("%05d%05d%05d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : "";
    }
}
