package io.github.migrationtest.core.internal.database;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How migrationtest recognises its own databases: a name prefix and a comment naming the run that
 * created it. A database needs both to be dropped by cleanup.
 */
final class DatabaseMarker {

    static final String PREFIX = "mt_";
    /** The first key of the advisory lock a live run holds; the second key is the run id. */
    static final int LEASE_CLASS = 0x4d54_4c73;

    private static final Pattern RUN_COMMENT = Pattern.compile("^migrationtest run (-?\\d+) ");

    private DatabaseMarker() {
    }

    static String name(String kind, int runId, long sequence) {
        return PREFIX + kind + "_" + Integer.toHexString(runId) + "_" + sequence;
    }

    static String comment(int runId, String purpose) {
        return "migrationtest run " + runId + " " + purpose + ", created " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static String keptComment(int runId) {
        return "migrationtest kept (migrationtest.keep-failed) from run " + runId + ", "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; drop it by hand when done";
    }

    /** The run that created a database, if its name and comment carry the marker. */
    static OptionalLong runOf(String name, String comment) {
        if (name == null || comment == null || !name.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        Matcher m = RUN_COMMENT.matcher(comment);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
