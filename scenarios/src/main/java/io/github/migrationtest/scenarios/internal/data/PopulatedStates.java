package io.github.migrationtest.scenarios.internal.data;

import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import io.github.migrationtest.assertions.schema.Table;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.scenarios.data.DataSettings;
import io.github.migrationtest.scenarios.internal.ChainObservation;
import io.github.migrationtest.scenarios.internal.MigrationEffects;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Populated states of a chain: for each migration, a database with the chain applied up to it and every
 * table filled, kept as a template for the life of the JVM and keyed by server, chain fingerprint and the
 * data settings' fingerprint (seed and row counts), so each is built once.
 *
 * <p>A state follows from the one before it the way production does: the next migration runs on the
 * populated database, then the tables it created are filled and the tables it gave new columns get more
 * rows, whose new columns hold generated values. Where that migration fails on the data, the state is built
 * from the chain's plain template instead and filled whole.
 */
public final class PopulatedStates {

    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    private final MigrationDatabases databases;
    private final DatabaseFactory factory;
    private final MigrationChain chain;
    private final Duration limit;
    private final DataSettings settings;
    private final List<Migration> migrations;
    private static final Map<String, Map<String, List<String>>> LEGACY_ENUM_COLUMNS = new ConcurrentHashMap<>();

    /** The populated states of a chain on a server, with these settings. */
    public PopulatedStates(MigrationDatabases databases, DataSettings settings) {
        this.databases = databases;
        this.factory = DatabaseFactory.on(databases.server());
        this.chain = databases.chain();
        this.limit = databases.settings().migrationTimeout();
        this.settings = settings;
        this.migrations = databases.migrations();
    }

    /** A populated state: its template database, the structure it was filled by, and what could not be filled. */
    record State(MigrationDatabase template, SchemaSnapshot schema, List<String> notes) {
    }

    /** A new clone of the populated state after the migration at {@code index} (-1: before any); the caller closes it. */
    public MigrationDatabase cloneAt(int index) {
        return databases.copyOf(state(index).template());
    }

    /** What could not be filled as asked in the state after the migration at {@code index}. */
    public List<String> notesAt(int index) {
        return state(index).notes();
    }

    /**
     * Makes {@code database}, a clone of the state before {@code index} on which that migration succeeded, the
     * state after it (unless one exists): fills what the migration created and keeps it. Returns whether it
     * kept the database, which the caller then must not close.
     */
    public boolean adopt(int index, MigrationDatabase database) {
        String key = key(index);
        if (STATES.containsKey(key)) {
            return false;
        }
        synchronized (STATES) {
            if (STATES.containsKey(key)) {
                return false;
            }
            STATES.put(key, topUp(index, database));
            return true;
        }
    }

    private State state(int index) {
        State existing = STATES.get(key(index));
        if (existing != null) {
            return existing;
        }
        synchronized (STATES) {
            int from = index;
            while (from >= 0 && !STATES.containsKey(key(from))) {
                from--;
            }
            if (from < 0 && !STATES.containsKey(key(-1))) {
                MigrationDatabase empty = databases.empty();
                STATES.put(key(-1), new State(empty, SchemaSnapshot.of(empty.dataSource()), List.of()));
                from = -1;
            }
            for (int next = from + 1; next <= index; next++) {
                MigrationDatabase database = databases.copyOf(STATES.get(key(next - 1)).template());
                Migration migration = migrations.get(next);
                MigrationResult result = migration.isRepeatable() ? database.migrate()
                        : database.migrateTo(chain.targetOf(migration));
                if (result.succeeded()) {
                    STATES.put(key(next), topUp(next, database));
                } else {
                    database.close();
                    STATES.put(key(next), fresh(next));
                }
            }
            return STATES.get(key(index));
        }
    }

    private State topUp(int index, MigrationDatabase database) {
        SchemaSnapshot previous = STATES.containsKey(key(index - 1)) ? STATES.get(key(index - 1)).schema() : null;
        Populator populator = new Populator(database, settings, legacyEnumColumns());
        List<String> notes;
        if (previous == null) {
            notes = populator.populate(t -> true, Integer.MAX_VALUE);
        } else {
            List<String> created = populator.populate(t -> previous.table(t.name().toString()).isEmpty(),
                    Integer.MAX_VALUE);
            notes = new java.util.ArrayList<>(created);
            if (populator.schema().tables().stream().anyMatch(t -> previous.table(t.name().toString())
                    .map(old -> hasNewColumns(old, t)).orElse(false))) {
                Populator more = new Populator(database, settings, legacyEnumColumns());
                notes.addAll(more.populate(t -> previous.table(t.name().toString())
                        .map(old -> hasNewColumns(old, t)).orElse(false), DataSettings.DEFAULT_ROWS));
            }
        }
        return new State(database, populator.schema(), List.copyOf(notes));
    }

    private State fresh(int index) {
        MigrationDatabase database = databases.at(chain.targetOf(migrations.get(index)));
        Populator populator = new Populator(database, settings, legacyEnumColumns());
        List<String> notes = populator.populate(t -> true, Integer.MAX_VALUE);
        return new State(database, populator.schema(), notes);
    }

    private static boolean hasNewColumns(Table old, Table now) {
        return now.columns().stream().anyMatch(c -> old.column(c.name()).isEmpty());
    }

    /** The text columns some migration casts to an enum, with that enum's labels. */
    private Map<String, List<String>> legacyEnumColumns() {
        String key = System.identityHashCode(factory) + "|" + factory.templates().fingerprint(chain);
        return LEGACY_ENUM_COLUMNS.computeIfAbsent(key, k -> observeEnumCasts());
    }

    private Map<String, List<String>> observeEnumCasts() {
        ChainObservation observation = new ChainObservation(factory, chain, limit);
        Map<String, List<String>> columns = new HashMap<>();
        for (Migration migration : migrations) {
            MigrationEffects effects = observation.effects(migration);
            effects.enumCasts().forEach(c -> columns.put(c.table().schema() + "." + c.table().name() + "."
                    + c.column(), c.enumType().labels()));
        }
        return Map.copyOf(columns);
    }

    private String key(int index) {
        return System.identityHashCode(factory) + "|" + factory.templates().fingerprint(chain) + "|"
                + settings.fingerprint() + "|" + index;
    }
}
