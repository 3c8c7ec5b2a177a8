package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Configuration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binaries from Gradle's dependency cache, laid out as Gradle lays it out, holding a real zonky jar. */
class GradleCacheTests {

    private static final String VERSION = "17.11.0";

    @TempDir
    Path gradleHome;

    @Test
    void findsTheJarOfTheMajorUnderItsChecksumDirectory() throws IOException {
        Platform platform = Platform.current();
        Path jar = fakeCache(platform);

        Optional<BinarySource> source = BinariesLocator.fromGradleCache(17, platform, gradleHome);

        assertThat(source).get().isInstanceOf(BinarySource.JarArchive.class)
                .extracting(BinarySource::origin).isEqualTo(jar.toString());
        Binaries binaries = source.get().install(Workspace.forCurrentUser(Configuration.load()));
        assertThat(binaries.version()).startsWith("17.");
        assertThat(Files.isExecutable(binaries.bin("postgres"))).isTrue();
    }

    @Test
    void aMajorTheCacheHasOnlyThePomOfIsNotFound() throws IOException {
        Platform platform = Platform.current();
        fakeCache(platform);

        assertThat(BinariesLocator.fromGradleCache(16, platform, gradleHome)).isEmpty();
        assertThat(BinariesLocator.fromGradleCache(17, platform, gradleHome.resolve("no-such-home"))).isEmpty();
    }

    /** files-2.1/<group>/<artifact>/<version>/<sha1>/<file>: the jar and the pom each under their own checksum. */
    private Path fakeCache(Platform platform) throws IOException {
        Path real = realJar(platform);
        Path artifact = gradleHome.resolve(Paths.get("caches", "modules-2", "files-2.1", "io.zonky.test.postgres",
                platform.artifactId()));
        Path jar = artifact.resolve(VERSION).resolve("3f2a9c1d0b8e7f6a5d4c3b2a1f0e9d8c7b6a5f4e")
                .resolve(platform.artifactId() + "-" + VERSION + ".jar");
        Files.createDirectories(jar.getParent());
        Files.copy(real, jar);
        Path pom = artifact.resolve(VERSION).resolve("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")
                .resolve(platform.artifactId() + "-" + VERSION + ".pom");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "<project/>");
        Path otherMajor = artifact.resolve("16.15.0").resolve("1234567890abcdef1234567890abcdef12345678")
                .resolve(platform.artifactId() + "-16.15.0.pom");
        Files.createDirectories(otherMajor.getParent());
        Files.writeString(otherMajor, "<project/>");
        return jar;
    }

    /** The zonky jar this module's tests have on their class path (from the local Maven repository). */
    private static Path realJar(Platform platform) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Optional<Path> jar = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(platform.artifactId() + "-" + VERSION + ".jar"))
                .map(Paths::get).findFirst();
        Assumptions.assumeTrue(jar.isPresent(), "No " + platform.artifactId() + "-" + VERSION + ".jar on the class path");
        return jar.get();
    }
}
