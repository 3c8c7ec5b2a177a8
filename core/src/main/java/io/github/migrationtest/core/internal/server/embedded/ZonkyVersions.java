package io.github.migrationtest.core.internal.server.embedded;

import java.util.Map;

/** Known releases of the io.zonky.test.postgres binaries, named in messages that tell users what to add. */
final class ZonkyVersions {

    static final String GROUP_ID = "io.zonky.test.postgres";

    // The newest release per major at the time of writing (2026-11); any release of the major works.
    private static final Map<Integer, String> NEWEST = Map.of(
            12, "12.22.0", 13, "13.23.0", 14, "14.24.0", 15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");

    private ZonkyVersions() {
    }

    static String coordinates(int major) {
        return GROUP_ID + ":" + Platform.current().artifactId() + ":" + NEWEST.getOrDefault(major, major + ".x.y");
    }
}
