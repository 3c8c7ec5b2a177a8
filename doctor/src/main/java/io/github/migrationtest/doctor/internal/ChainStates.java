package io.github.migrationtest.doctor.internal;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.model.Migration;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema the chain makes at each of its versions, derived on a scratch server (never the live database):
 * a clone of the cached template of that version, read and dropped.
 */
public final class ChainStates {

    private final DatabaseFactory scratch;
    private final MigrationChain chain;
    private final List<Migration> migrations;
    private final SnapshotOptions options;
    private final Duration limit;
    private final Map<Integer, SchemaSnapshot> snapshots = new HashMap<>();

    /** The states of the chain on the scratch server. */
    public ChainStates(DatabaseFactory scratch, MigrationChain chain, List<Migration> migrations,
            SnapshotOptions options, Duration limit) {
        this.scratch = scratch;
        this.chain = chain;
        this.migrations = migrations;
        this.options = options;
        this.limit = limit;
    }

    /** The schema after the migration at {@code index} (-1: before any). */
    public SchemaSnapshot at(int index) {
        return snapshots.computeIfAbsent(index, this::read);
    }

    private SchemaSnapshot read(int index) {
        DisposableDatabase database = index < 0 ? scratch.createEmpty()
                : scratch.cloneOf(scratch.templates().templateAt(chain, Optional.of(chain.targetOf(migrations.get(index))),
                        limit));
        try (database) {
            return SchemaSnapshot.of(database.dataSource("migrationtest-doctor-scratch"), options);
        }
    }
}
