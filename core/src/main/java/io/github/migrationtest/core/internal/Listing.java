package io.github.migrationtest.core.internal;

import java.util.List;

/** Lists of names in messages, cut short where they run long. */
public final class Listing {

    private Listing() {
    }

    /** The first {@code shown} names, comma separated, and how many more there are: {@code a, b, c and 4 more}. */
    public static String firstOf(List<String> names, int shown) {
        return names.size() <= shown ? String.join(", ", names)
                : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }
}
