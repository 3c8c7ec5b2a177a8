package io.github.migrationtest.core.internal.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local account plants a {@code bin/postgres} where the binaries cache will be, or changes an
 * unpacked file: the build must not run it, and must say what it refused and how to fix it.
 */
class PlantedBinaryFaultTests {

    @Test
    void binariesPlantedByAnotherAccountAreNeverRun(@TempDir Path temp) throws Exception {
        assumeThat(TrustedPaths.currentUid()).as("only root can plant files as another account").isZero();
        UserPrincipal nobody = temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        // GIVEN the cache directory of this build's user, made first by 'nobody' with a postgres of its own
        Path root = temp.resolve("migrationtest-" + System.getProperty("user.name"));
        Path marker = temp.resolve("planted-postgres-ran");
        Path bin = root.resolve("binaries").resolve(zonkyKey()).resolve("bin");
        Files.createDirectories(bin);
        for (String program : List.of("postgres", "initdb")) {
            Path script = bin.resolve(program);
            Files.writeString(script, "#!/bin/sh\ntouch " + marker + "\necho 'postgres (PostgreSQL) 17.0'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Files.setOwner(path, nobody);
            }
        }

        // WHEN a build (a JVM whose temp directory is that place) starts an embedded server
        String output = runJvm(temp);

        // THEN the planted program did not run, and the refusal names the directory and the fix
        assertThat(marker).doesNotExist();
        assertThat(output).contains(StartOnce.FAILED + "Refusing to use " + root + ": it is owned by nobody (uid"
                + " 65534), not by root (uid 0), who runs this build. migrationtest runs and trusts only files it"
                + " created for the current user, since another account could have put a program there for this build"
                + " to run. Remove it (rm -rf " + root + ") and run again, or point java.io.tmpdir at a directory of"
                + " your own.");
    }

    @Test
    void aCacheDirectoryWritableByOthersIsRefused(@TempDir Path temp) throws Exception {
        Path root = Files.createDirectory(temp.resolve("cache"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> Workspace.at(root, temp.resolve("servers-parent").resolve("servers")))
                .isInstanceOf(MigrationTestConfigurationException.class)
                .hasMessageStartingWith("Refusing to use " + root + ": it is writable by its group and everyone (mode 777).");
    }

    @Test
    void anUnpackedFileChangedAfterwardsIsFoundBeforeItRuns(@TempDir Path temp) throws Exception {
        Workspace workspace = Workspace.at(temp.resolve("cache"), temp.resolve("data").resolve("servers"));
        Path jar = zonkyJar();
        BinarySource source = new BinarySource.JarArchive(jar, Platform.current().resourceName());
        Binaries binaries = source.install(workspace);
        Path postgres = binaries.bin("postgres");
        Files.writeString(postgres, "#!/bin/sh\necho 'postgres (PostgreSQL) 17.0'\n");

        assertThatThrownBy(() -> source.install(workspace))
                .isInstanceOf(MigrationTestException.class)
                .hasMessageStartingWith("Refusing to run the PostgreSQL binaries in " + binaries.home() + ": bin/postgres"
                        + " differs from the archive (")
                .hasMessageEndingWith(", so they are not what migrationtest unpacked from " + jar + ". Remove the"
                        + " directory (rm -rf " + binaries.home() + ") and run again; it is unpacked anew.");
    }

    @Test
    void aFileRewrittenWithItsOwnSizeAndTimeIsFound(@TempDir Path temp) throws Exception {
        // GIVEN binaries unpacked and started once, so that the next start compares them with its stamp only
        Workspace workspace = Workspace.at(temp.resolve("cache"), temp.resolve("data").resolve("servers"));
        BinarySource source = new BinarySource.JarArchive(zonkyJar(), Platform.current().resourceName());
        Path home = source.install(workspace).home();
        Path library = home.resolve("share/postgresql/errcodes.txt");
        byte[] original = Files.readAllBytes(library);
        var modified = Files.getLastModifiedTime(library);

        // WHEN a file gets other bytes of the same length and its old modification time back
        byte[] changed = original.clone();
        changed[0] ^= 1;
        Files.write(library, changed);
        Files.setLastModifiedTime(library, modified);

        // THEN the change time gives it away, and the full check names the file
        assertThatThrownBy(() -> source.install(workspace))
                .hasMessageStartingWith("Refusing to run the PostgreSQL binaries in " + home + ": share/postgresql/errcodes.txt"
                        + " differs from the archive (");
    }

    @Test
    void aFileAddedToUnpackedBinariesIsFound(@TempDir Path temp) throws Exception {
        Workspace workspace = Workspace.at(temp.resolve("cache"), temp.resolve("data").resolve("servers"));
        BinarySource source = new BinarySource.JarArchive(zonkyJar(), Platform.current().resourceName());
        Path home = source.install(workspace).home();
        Files.writeString(home.resolve("lib").resolve("planted.so"), "not a library");

        assertThatThrownBy(() -> source.install(workspace))
                .hasMessageStartingWith("Refusing to run the PostgreSQL binaries in " + home + ": lib/planted.so is not"
                        + " in the archive, so they are not what migrationtest unpacked from ");
    }

    private static String runJvm(Path temp) throws Exception {
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-cp", classPath(), StartOnce.class.getName(), "17")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM finished:\n" + output).isTrue();
        return output;
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Path zonkyJar() {
        return Arrays.stream(classPath().split(File.pathSeparator))
                .filter(entry -> entry.contains(Platform.current().artifactId() + "-17."))
                .map(Paths::get).findFirst().orElseThrow();
    }

    /** The name the cache gives the binaries of the class path's PostgreSQL 17 jar (before hashes were added). */
    private static String zonkyKey() {
        return zonkyJar().getFileName().toString().replace(".jar", "");
    }
}
