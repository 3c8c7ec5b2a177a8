package io.github.migrationtest.assertions.error;

import java.util.List;

/** Messages about a whole schema: compared with another one or with a committed snapshot file. */
public final class SchemaErrors {

    /** How to rewrite snapshot files, as messages say it. */
    public static final String UPDATE_HOW = "-Dmigrationtest.update-snapshots=true (or the environment variable"
            + " MIGRATIONTEST_UPDATE_SNAPSHOTS=true)";

    private SchemaErrors() {
    }

    /**
     * <pre>
     * Expecting the schema to be the same as the expected schema, but it differs (from expected to actual):
     *   column public.users.password: type changed from text to character varying(100)
     * </pre>
     */
    public static Message shouldHaveSameSchema(String diff) {
        return Message.of("Expecting the schema to be the same as the expected schema, but it differs"
                + " (from expected to actual):\n" + SchemaObjectErrors.indent(diff));
    }

    /** The schema differs from the committed snapshot file: the differences and how to accept them. */
    public static Message shouldMatchSnapshot(String file, String diff) {
        return Message.of("Expecting the schema to match the snapshot " + file + ", but it differs (from the file to the"
                + " database):\n" + SchemaObjectErrors.indent(diff) + "\nIf the change is intended, run the test with "
                + UPDATE_HOW + " to rewrite the file, review the change and commit it.");
    }

    /** The snapshot file does not exist yet: how to create it. */
    public static Message snapshotFileMissing(String file) {
        return Message.of("The schema snapshot " + file + " does not exist. To create it from the current schema, run"
                + " the test once with " + UPDATE_HOW + ", review the file and commit it.");
    }

    /** The snapshot file is not canonical schema text. */
    public static Message snapshotFileUnreadable(String file, String problem) {
        return Message.of("The schema snapshot " + file + " is not canonical schema text: " + problem
                + "\nRewrite it with " + UPDATE_HOW + ".");
    }

    /** {@code Expecting no invalid indexes, but found 1:} the indexes, then the likely cause and fix. */
    public static Message shouldHaveNoInvalidIndexes(List<String> indexes) {
        return Message.of("Expecting no invalid indexes, but found " + indexes.size() + ": " + String.join(", ", indexes)
                + ".\n" + SchemaObjectErrors.invalidIndexHint(indexes.get(0)));
    }
}
