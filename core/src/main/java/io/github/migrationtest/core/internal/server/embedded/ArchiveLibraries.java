package io.github.migrationtest.core.internal.server.embedded;

import io.github.migrationtest.core.model.MigrationTestConfigurationException;

/**
 * Checks for the libraries that unpack the binaries of the io.zonky.test.postgres jars (tar.xz), optional
 * dependencies of core so that Docker-only projects do not get them. Its own class: loading
 * {@link TxzArchive} without them already fails, in the verifier, before any check in it could speak.
 */
final class ArchiveLibraries {

    static final String COMMONS_COMPRESS = "org.apache.commons:commons-compress:1.28.0";
    static final String XZ = "org.tukaani:xz:1.10";

    private ArchiveLibraries() {
    }

    /** Throws, naming the coordinates, unless commons-compress and xz are on the class path. */
    static void require(String origin) {
        boolean compress = present("org.apache.commons.compress.archivers.tar.TarArchiveInputStream");
        boolean xz = present("org.tukaani.xz.XZInputStream");
        if (compress && xz) {
            return;
        }
        String missing = !compress && !xz ? COMMONS_COMPRESS + " and " + XZ : !compress ? COMMONS_COMPRESS : XZ;
        throw new MigrationTestConfigurationException("The embedded provider unpacks the PostgreSQL binaries of "
                + origin + " (a tar.xz archive) with commons-compress and xz, optional dependencies of"
                + " migrationtest-core that are not on the test class path. Add the test dependencies " + missing
                + " (the migrationtest BOM manages their versions), point " + "migrationtest.embedded.binaries"
                + " at unpacked binaries or a local install, or use the docker provider.");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ArchiveLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
