package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** A place binaries of one major version can be had from: an archive (inside a jar) or a directory. */
sealed interface BinarySource {

    /** What to call the source in messages. */
    String origin();

    /** Binaries ready to run, unpacking them into the workspace first if they are archived. */
    Binaries install(Workspace workspace);

    /** The {@code .txz} archive inside an io.zonky.test.postgres jar, found on the class path. */
    record ClasspathArchive(URL archive, String cacheKey) implements BinarySource {
        @Override
        public String origin() {
            return archive.toString();
        }

        @Override
        public Binaries install(Workspace workspace) {
            return workspace.unpacked(cacheKey, origin(), container(), () -> archive.openStream());
        }

        /** The jar (or file) the archive is in, if it is on disk. */
        private Optional<Path> container() {
            try {
                String location = archive.toString();
                if (location.startsWith("jar:") && location.contains("!/")) {
                    location = location.substring("jar:".length(), location.indexOf("!/"));
                }
                URI uri = new URI(location);
                return "file".equals(uri.getScheme()) ? Optional.of(Paths.get(uri)) : Optional.empty();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** An io.zonky.test.postgres jar on disk, e.g. in the local Maven repository. */
    record JarArchive(Path jar, String resourceName) implements BinarySource {
        @Override
        public String origin() {
            return jar.toString();
        }

        @Override
        public Binaries install(Workspace workspace) {
            String key = jar.getFileName().toString().replace(".jar", "");
            return workspace.unpacked(key, origin(), Optional.of(jar), () -> {
                JarFile file = new JarFile(jar.toFile());
                ZipEntry entry = file.getEntry(resourceName);
                if (entry == null) {
                    file.close();
                    throw new IOException(jar + " holds no " + resourceName);
                }
                InputStream in = file.getInputStream(entry);
                return new java.io.FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        file.close();
                    }
                };
            });
        }
    }

    /** A directory with {@code bin/postgres}: a local install or a configured directory. */
    record Directory(Path home, String version) implements BinarySource {
        @Override
        public String origin() {
            return home.toString();
        }

        @Override
        public Binaries install(Workspace workspace) {
            TrustedPaths.requireTrustedInstall(home, "The PostgreSQL program");
            if (!Files.isExecutable(home.resolve("bin/postgres")) || !Files.isExecutable(home.resolve("bin/initdb"))) {
                throw new MigrationTestException("PostgreSQL binaries at " + home
                        + " are incomplete: bin/postgres and bin/initdb must both exist and be executable.");
            }
            return new Binaries(home, version, origin());
        }
    }

    /** Opens the stream of an archive, each time it is unpacked. */
    @FunctionalInterface
    interface ArchiveOpener {
        InputStream open() throws IOException;
    }
}
