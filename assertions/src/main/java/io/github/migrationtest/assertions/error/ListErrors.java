package io.github.migrationtest.assertions.error;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Messages that compare lists: enum labels, columns, applied migrations, history ids. */
public final class ListErrors {

    private ListErrors() {
    }

    /**
     * <pre>
     * Expecting enum public.industry to have labels (in order):
     *   [tech, media, retail]
     * but had:
     *   [tech, retail]
     * missing: [media]
     * </pre>
     * followed by {@code unexpected: [...]} for extra elements, or a note that only the order differs.
     */
    public static Message shouldHaveExactly(String subject, String noun, List<String> expected, List<String> actual) {
        return Message.of("Expecting " + subject + " to have " + noun + " (in order):\n  " + expected + "\nbut had:\n  "
                + actual + difference(expected, actual));
    }

    /** {@code Expecting enum public.industry to contain labels:} the expected, what it had, and what is missing. */
    public static Message shouldContain(String subject, String noun, List<String> expected, List<String> actual) {
        return Message.of("Expecting " + subject + " to contain " + noun + ":\n  " + expected + "\nbut had:\n  " + actual
                + "\nmissing: " + missing(expected, actual));
    }

    /** {@code Expecting enum public.industry not to contain labels:} the unwanted, what it had, and which were found. */
    public static Message shouldNotContain(String subject, String noun, List<String> unwanted, List<String> actual) {
        List<String> found = new ArrayList<>(unwanted);
        found.retainAll(actual);
        return Message.of("Expecting " + subject + " not to contain " + noun + ":\n  " + unwanted + "\nbut had:\n  "
                + actual + "\nfound: " + found);
    }

    static String difference(List<String> expected, List<String> actual) {
        List<String> missing = missing(expected, actual);
        List<String> unexpected = missing(actual, expected);
        StringBuilder text = new StringBuilder();
        if (!missing.isEmpty()) {
            text.append("\nmissing: ").append(missing);
        }
        if (!unexpected.isEmpty()) {
            text.append("\nunexpected: ").append(unexpected);
        }
        if (missing.isEmpty() && unexpected.isEmpty() && new HashSet<>(expected).equals(new HashSet<>(actual))) {
            text.append("\nthe same elements in a different order");
        }
        return text.toString();
    }

    static List<String> missing(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        return missing;
    }
}
