package io.github.migrationtest.assertions.internal;

import io.github.migrationtest.assertions.schema.SchemaChange;
import java.util.List;

/** Words a {@link SchemaChange} as a line of a review. */
public final class ChangeText {

    private ChangeText() {
    }

    /** The change as text; see {@link SchemaChange#describe()}. */
    public static String describe(SchemaChange change) {
        String subject = change.subject() + ": ";
        switch (change.type()) {
            case ADDED:
                return subject + "added" + change.after().map(s -> " (" + s + ")").orElse("");
            case REMOVED:
                return subject + "removed" + change.before().map(s -> " (was " + s + ")").orElse("");
            default:
                break;
        }
        String key = change.attribute().orElse("");
        if (Node.isFlag(key)) {
            return subject + "now " + (change.after().isPresent() ? key : Node.FLAGS_AND_OPPOSITES.get(key));
        }
        if (change.before().isEmpty()) {
            return subject + key + " set to " + block(change.after().orElse(""));
        }
        if (change.after().isEmpty()) {
            return subject + key + " removed (was " + block(change.before().orElse("")) + ")";
        }
        String before = change.before().get();
        String after = change.after().get();
        if (before.contains("\n") || after.contains("\n")) {
            return subject + key + " changed:\n" + LineDiff.render(List.of(before.split("\n", -1)),
                    List.of(after.split("\n", -1))).indent(2).stripTrailing();
        }
        return subject + key + " changed from " + before + " to " + after;
    }

    private static String block(String value) {
        return value.contains("\n") ? "\n" + value.indent(4).stripTrailing() : value;
    }
}
