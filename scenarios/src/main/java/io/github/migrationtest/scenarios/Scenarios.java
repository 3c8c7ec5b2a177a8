package io.github.migrationtest.scenarios;

import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.core.MigrationDatabases;
import io.github.migrationtest.core.internal.database.DatabaseFactory;
import io.github.migrationtest.core.internal.database.TemplateBuildException;
import io.github.migrationtest.scenarios.internal.ChainObservation;
import io.github.migrationtest.scenarios.internal.MigrationEffects;
import io.github.migrationtest.scenarios.internal.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the broken states that apply to each migration of a chain by watching what the migration does -
 * the schema before and after it, compared - never by reading its SQL:
 *
 * <ul>
 *   <li>a column whose type becomes an enum: {@linkplain BrokenStates#valuesOutsideEnum values outside the
 *       enum's labels} in that column before the migration;</li>
 *   <li>a new enum type: {@linkplain BrokenStates#enumCreatedButUnrecorded(String, List) the enum created
 *       but the migration unrecorded};</li>
 *   <li>labels added to an enum: {@linkplain BrokenStates#enumLabelAlreadyPresent the label already
 *       present};</li>
 *   <li>new tables, columns, indexes or other objects: {@linkplain BrokenStates#objectsPresentButUnrecorded
 *       the migration's objects present but the migration unrecorded};</li>
 *   <li>objects created or changed in a schema the migration does not create (other than {@code public}):
 *       {@linkplain BrokenStates#missingSchema that schema missing}.</li>
 * </ul>
 *
 * <pre>{@code
 * Discovery discovery = Scenarios.discover(MigrationDatabases.builder().flyway("classpath:db/migration").build());
 * discovery.scenariosOf("7");   // [values outside enum labels: public.companies.industry_type, ...]
 * }</pre>
 *
 * <p>The snapshots come from the chain's templates, built in ascending order so that each migration is
 * applied once; tests that ask for {@code @At} states afterwards reuse them. States about the history (a
 * failed entry, a checksum, a missing migration), the lock, partial application and invalid indexes are
 * not derived from schema changes: name them from {@link BrokenStates}.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * The scenarios of every migration of the databases' chain, on their server, each migration run within
     * their settings' {@link io.github.migrationtest.core.MigrationSettings#migrationTimeout() time limit}.
     *
     * @param databases the chain, server and settings
     * @throws TemplateBuildException if the chain fails on an empty database: states of a migration that
     *     does not run cannot be observed
     */
    public static Discovery discover(MigrationDatabases databases) {
        return discover(databases.chain(), DatabaseFactory.on(databases.server()),
                databases.settings().migrationTimeout());
    }

    /**
     * The scenarios of some migrations of the databases' chain only, as {@link #discover(MigrationDatabases)}
     * finds them: only the states just before and after each of them are built (a CI shard's range of the
     * chain needs the states of that range, not the whole chain's).
     *
     * @param databases the chain, server and settings
     * @param only the migrations to observe; others of the chain are left out of the discovery
     * @throws TemplateBuildException if the chain fails on the way to a state that is needed
     */
    public static Discovery discover(MigrationDatabases databases, Collection<Migration> only) {
        Set<Migration> observed = Set.copyOf(only);
        return discover(databases.chain(), DatabaseFactory.on(databases.server()),
                databases.settings().migrationTimeout(), observed::contains);
    }

    private static Discovery discover(MigrationChain chain, DatabaseFactory databases, Duration migrationTimeout) {
        return discover(chain, databases, migrationTimeout, migration -> true);
    }

    private static Discovery discover(MigrationChain chain, DatabaseFactory databases, Duration migrationTimeout,
            Predicate<Migration> observed) {
        long started = System.nanoTime();
        ChainObservation observation = new ChainObservation(databases, chain, migrationTimeout);
        List<MigrationScenarios> result = new ArrayList<>();
        Optional<Migration> previous = Optional.empty();
        for (Migration migration : observation.migrations()) {
            if (observed.test(migration)) {
                MigrationEffects effects = observation.effects(migration);
                result.add(new MigrationScenarios(migration, effects.changes(), scenarios(effects, previous)));
            }
            previous = Optional.of(migration);
        }
        return new Discovery(chain.description(), result, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The scenarios of every migration of the database's chain, on the database's server, each migration
     * run within the database's {@link io.github.migrationtest.core.MigrationSettings#migrationTimeout() time
     * limit}. The database itself is not touched.
     */
    public static Discovery discover(MigrationDatabase database) {
        return discover(database.chain(), DatabaseFactory.on(database.server()),
                database.settings().migrationTimeout());
    }

    private static List<Scenario> scenarios(MigrationEffects effects, Optional<Migration> previous) {
        Migration migration = effects.migration();
        List<BrokenState> states = new ArrayList<>();
        for (MigrationEffects.EnumCast cast : effects.enumCasts()) {
            List<String> labels = cast.enumType().labels();
            List<String> values = EnumStates.outsideLabels(labels);
            states.add(BrokenStates.valuesOutsideEnum(cast.table().toString(), cast.column(),
                    values.get(0), values.subList(1, values.size()).toArray(String[]::new)));
        }
        for (EnumType type : effects.newEnums()) {
            states.add(BrokenStates.enumCreatedButUnrecorded(Sql.readable(type.name()), type.labels()));
        }
        effects.addedLabels().forEach(label -> states.add(EnumStates.enumLabelAlreadyPresent(label)));
        if (effects.createsObjects()) {
            states.add(BrokenStates.objectsPresentButUnrecorded(migration.id()));
        }
        effects.schemasUsed().forEach(schema -> states.add(BrokenStates.missingSchema(Sql.readable(schema))));
        return states.stream().map(state -> new Scenario(migration, previous, state)).toList();
    }
}
