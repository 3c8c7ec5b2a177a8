package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.SnapshotOptions;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Snapshots of a chain's templates, one per migration, and the effects of each migration between two of
 * them. The templates come from the {@link io.github.migrationtest.core.internal.database.TemplateCache}, so asking
 * in ascending order applies each migration once. The snapshots are read from the templates themselves and
 * kept for the life of the JVM: CREATE DATABASE waits up to five seconds for the sessions on its template to
 * end, and a snapshot's session lasts tens of milliseconds - a clone to read from instead would cost as much
 * again as the snapshot.
 */
public final class ChainObservation {

    private static final String APPLICATION = "migrationtest-observe";
    private static final Map<String, SchemaSnapshot> SNAPSHOTS = new ConcurrentHashMap<>();

    private final DatabaseFactory databases;
    private final MigrationChain chain;
    private final Duration limit;
    private final List<Migration> migrations;

    /** Observes the chain on the factory's server, each migration run within the limit. */
    public ChainObservation(DatabaseFactory databases, MigrationChain chain, Duration limit) {
        this.databases = databases;
        this.chain = chain;
        this.limit = limit;
        this.migrations = databases.templates().migrations(chain);
    }

    /** The chain's migrations, in order. */
    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * The migration with this id.
     *
     * @throws MigrationTestConfigurationException listing the chain's migrations if there is none
     */
    public Migration migration(String id) {
        return migrations.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new MigrationTestConfigurationException("The " + chain.description()
                        + " has no migration '" + id + "'. Its migrations are: "
                        + migrations.stream().map(Migration::id).collect(Collectors.joining(", ")) + "."));
    }

    /** What the migration does, from the snapshots before and after it. */
    public MigrationEffects effects(Migration migration) {
        int index = migrations.indexOf(migration);
        SchemaSnapshot before = snapshot(index - 1);
        SchemaSnapshot after = snapshot(index);
        return MigrationEffects.of(migration, before, after);
    }

    /** The schema after the migration at {@code index}; an empty database's for -1. */
    public SchemaSnapshot snapshot(int index) {
        String key = System.identityHashCode(databases) + "|" + databases.templates().fingerprint(chain) + "|" + index;
        SchemaSnapshot cached = SNAPSHOTS.get(key);
        if (cached != null) {
            return cached;
        }
        SnapshotOptions options = SnapshotOptions.defaults()
                .withHistoryTables(chain.engineHistory().unqualifiedTable());
        SchemaSnapshot snapshot;
        if (index < 0) {
            try (DisposableDatabase empty = databases.createEmpty(chain)) {
                snapshot = SchemaSnapshot.of(empty.dataSource(APPLICATION), options);
            }
        } else {
            String template = databases.templates().templateAt(chain, Optional.of(migrations.get(index).id()), limit);
            snapshot = SchemaSnapshot.of(databases.server().address().dataSource(template, APPLICATION), options);
        }
        SNAPSHOTS.put(key, snapshot);
        return snapshot;
    }
}
