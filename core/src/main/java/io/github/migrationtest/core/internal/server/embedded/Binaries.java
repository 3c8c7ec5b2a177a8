package io.github.migrationtest.core.internal.server.embedded;

import java.nio.file.Path;

/**
 * PostgreSQL server binaries ready to run.
 *
 * @param home the directory holding {@code bin/initdb} and {@code bin/postgres}
 * @param version the version {@code postgres --version} reports, e.g. {@code 17.6}
 * @param origin where they came from, for messages
 */
record Binaries(Path home, String version, String origin) {

    Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
