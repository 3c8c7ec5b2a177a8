package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The schema snapshot of each template, read once: templates never change, so every fresh clone of one
 * has its schema. The first clone a check takes is read (not the template itself, whose sessions would
 * hold up the clones being made of it) and later clones reuse that snapshot.
 */
public final class TemplateSnapshots {

    private static final Map<Key, SchemaSnapshot> SNAPSHOTS = new ConcurrentHashMap<>();

    private TemplateSnapshots() {
    }

    /**
     * The snapshot of {@code template} on the factory's server, read with {@code options}.
     *
     * @param read reads it from a clone of the template that nothing has changed yet
     */
    public static SchemaSnapshot of(DatabaseFactory factory, String template, SnapshotOptions options,
            Supplier<SchemaSnapshot> read) {
        Key key = new Key(System.identityHashCode(factory), factory.server().describe(), template, options);
        SchemaSnapshot cached = SNAPSHOTS.get(key);
        if (cached != null) {
            return cached;
        }
        SchemaSnapshot snapshot = read.get();
        SNAPSHOTS.putIfAbsent(key, snapshot);
        return snapshot;
    }

    /** Template names are unique per factory; the server's description tells factories of equal hash apart. */
    private record Key(int factory, String server, String template, SnapshotOptions options) {
    }
}
