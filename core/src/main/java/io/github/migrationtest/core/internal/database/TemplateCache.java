package io.github.migrationtest.core.internal.database;

import io.github.migrationtest.core.model.Migration;
import io.github.migrationtest.core.engine.MigrationChain;
import io.github.migrationtest.core.model.MigrationResult;
import io.github.migrationtest.core.model.MigrationTestConfigurationException;
import io.github.migrationtest.core.model.MigrationTestException;
import io.github.migrationtest.core.internal.dump.DumpLoader;
import io.github.migrationtest.core.internal.dump.LoadReport;
import io.github.migrationtest.core.internal.dump.StartingDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Databases that hold a chain at some version, built once per JVM and server and cloned for every
 * test that wants that state.
 *
 * <p>Templates are keyed by a fingerprint of the chain's migrations (ids, descriptions, checksums),
 * its engine settings and the server version. A template at version {@code v} is built from the
 * nearest template below it, so asking for versions in ascending order applies each migration once.
 */
public final class TemplateCache {

    private final DatabaseFactory factory;
    private final Map<String, ChainTemplates> chains = new HashMap<>();
    private final Map<String, DumpTemplate> dumps = new HashMap<>();
    private final AtomicInteger templatesBuilt = new AtomicInteger();
    private final AtomicInteger migrationsApplied = new AtomicInteger();
    private final Preparer preparer;

    TemplateCache(DatabaseFactory factory) {
        this.factory = factory;
        this.preparer = new Preparer(factory);
    }

    /**
     * The name of a template holding the chain up to and including {@code target} (all of it when
     * empty), building it if needed.
     *
     * @throws TemplateBuildException if the chain fails on the way to that version
     * @throws MigrationTestConfigurationException if {@code target} is not a migration of the chain
     */
    public String templateAt(MigrationChain chain, Optional<String> target, Duration limit) {
        ChainTemplates templates = templates(chain);
        return templates.ready(target).orElseGet(() -> templates.at(target, limit));
    }

    /**
     * The name of a template holding a dump, then the chain up to and including {@code target} applied on it
     * (none of the chain when {@code target} is {@code "-"}, all of it when empty), building them if needed.
     *
     * @throws TemplateBuildException if the chain fails on the way to that version
     * @throws MigrationTestException if the dump does not load
     */
    public String templateAt(MigrationChain chain, StartingDump start, Optional<String> target, Duration limit) {
        String startTemplate = dumpTemplate(start);
        if (target.isPresent() && target.get().equals(NO_MIGRATION)) {
            return startTemplate;
        }
        ChainTemplates templates = templates(chain, startTemplate, start.fingerprint());
        return templates.ready(target).orElseGet(() -> templates.at(target, limit));
    }

    /** The target of {@link #templateAt(MigrationChain, StartingDump, Optional, Duration)} that applies nothing. */
    public static final String NO_MIGRATION = "-";

    /**
     * The name of a template holding the dump files loaded into an empty database, loaded once per content.
     *
     * @throws MigrationTestException if the dump does not load, with the file, line and statement
     */
    public String dumpTemplate(StartingDump start) {
        DumpTemplate template;
        synchronized (dumps) {
            template = dumps.computeIfAbsent(start.fingerprint(), k -> new DumpTemplate(start));
        }
        return template.name();
    }

    /** What loading the dump into its template skipped or created, once it is built. */
    public LoadReport dumpReport(StartingDump start) {
        dumpTemplate(start);
        synchronized (dumps) {
            return dumps.get(start.fingerprint()).report;
        }
    }

    /** A dump loaded into a template of its own. */
    private final class DumpTemplate {
        private final StartingDump start;
        private String name;
        private LoadReport report;
        private MigrationTestException failure;

        DumpTemplate(StartingDump start) {
            this.start = start;
        }

        synchronized String name() {
            if (failure != null) {
                throw failure;
            }
            if (name == null) {
                DisposableDatabase template = factory.createTemplate("template0", "template of the dump "
                        + start.describe() + ", fingerprint " + start.fingerprint());
                try (Connection connection = template.connect()) {
                    report = DumpLoader.load(connection, start.files(), start.roles());
                } catch (SQLException | MigrationTestException e) {
                    template.close();
                    failure = e instanceof MigrationTestException m ? m : new MigrationTestException(
                            "Could not connect to load the dump " + start.describe() + ": " + e.getMessage(), e);
                    throw failure;
                }
                factory.disconnectAll(template.name());
                counted();
                name = template.name();
            }
            return name;
        }
    }

    /**
     * The name of the template a database before the chain's first migration is cloned from:
     * {@code template0}, or, for a chain with a {@link Preparation}, a copy of it prepared once.
     *
     * @throws MigrationTestException if the preparation fails
     */
    public String emptyTemplate(MigrationChain chain) {
        return templates(chain).base();
    }

    /** The chain's migrations, as resolved once for this server. */
    public List<Migration> migrations(MigrationChain chain) {
        return templates(chain).migrations;
    }

    /** The fingerprint the chain's templates are keyed by on this server. */
    public String fingerprint(MigrationChain chain) {
        return templates(chain).fingerprint;
    }

    /**
     * How the template of the chain at {@code target} (the head when empty) was built, if this cache built it:
     * the state it was cloned from and what the run on it applied.
     */
    public Optional<Build> buildOf(MigrationChain chain, Optional<String> target) {
        return templates(chain).buildOf(target);
    }

    /**
     * How a template was built: cloned from the state after {@code from} (empty: the state before the first
     * migration) and migrated by one engine run that applied {@code applied}.
     *
     * @param from the last migration of the state it was cloned from
     * @param applied what the engine run on the clone applied, in order
     */
    public record Build(Optional<Migration> from, List<Migration> applied) {
        /** Validates and copies. */
        public Build {
            Objects.requireNonNull(from, "from");
            applied = List.copyOf(applied);
        }
    }

    /**
     * Why one engine run of several of the chain's migrations may end otherwise than running them one at a
     * time ({@link MigrationChain#stepwiseCaveat}), asked once per chain and server; empty when it cannot.
     */
    public Optional<String> stepwiseCaveat(MigrationChain chain) {
        return templates(chain).caveat();
    }

    /** How many templates this cache built. */
    public int templatesBuilt() {
        return templatesBuilt.get();
    }

    /** Counts a template built, for this cache and for the test of the current thread ({@link WorkCount}). */
    private void counted() {
        templatesBuilt.incrementAndGet();
        WorkCount.stateBuilt();
    }

    /** How many migrations this cache applied while building templates. */
    public int migrationsApplied() {
        return migrationsApplied.get();
    }

    private ChainTemplates templates(MigrationChain chain) {
        return templates(chain, "template0", "");
    }

    private ChainTemplates templates(MigrationChain chain, String startTemplate, String startFingerprint) {
        // The content fingerprint keeps a JVM from reusing states built for other files at the same locations.
        String key = chain.engine() + "\n" + chain.settings() + "\n" + chain.contentFingerprint() + "\n"
                + startFingerprint;
        synchronized (chains) {
            return chains.computeIfAbsent(key, k -> new ChainTemplates(chain, startTemplate, startFingerprint));
        }
    }

    /**
     * The templates of one chain: index of the last applied migration to template name. States are built one
     * at a time per chain (tests asking at once wait, then build from the nearest state, which may be the one
     * just built); a state already built is handed out without waiting for a build in progress.
     */
    private final class ChainTemplates {
        private final MigrationChain chain;
        private final List<Migration> migrations;
        private final String fingerprint;
        private final ConcurrentSkipListMap<Integer, String> built = new ConcurrentSkipListMap<>();
        private final TreeMap<Integer, TemplateBuildException> failed = new TreeMap<>();
        private final Map<Integer, Build> builds = new HashMap<>();
        // Asked for by the standard suite only: resolving it costs another look at the chain.
        private Optional<String> caveat;
        private volatile String base;
        private MigrationTestException preparationFailure;

        ChainTemplates(MigrationChain chain, String startTemplate, String startFingerprint) {
            this.chain = chain;
            try (DisposableDatabase scratch = factory.createEmpty()) {
                this.migrations = List.copyOf(chain.migrations(scratch.dataSource("migrationtest-resolve")));
            }
            String chainFingerprint = fingerprintOf(chain, migrations, factory.server().version());
            this.fingerprint = startFingerprint.isEmpty() ? chainFingerprint : chainFingerprint + "-" + startFingerprint;
            if (!startTemplate.equals("template0")) {
                built.put(-1, startTemplate);
            }
        }

        /** The template of a state already built, without waiting for a build in progress. */
        Optional<String> ready(Optional<String> target) {
            return Optional.ofNullable(built.get(indexOf(target)));
        }

        synchronized String at(Optional<String> target, Duration limit) {
            int index = indexOf(target);
            String existing = built.get(index);
            if (existing != null) {
                return existing;
            }
            // Every state from the migration that failed on is out of reach: say so without running it again,
            // each time with an exception of its own (a shared one would carry the first caller's stack).
            Map.Entry<Integer, TemplateBuildException> failure = failed.floorEntry(index);
            if (failure != null) {
                throw failure.getValue().again();
            }
            Map.Entry<Integer, String> base = built.lowerEntry(index);
            String baseName = base == null ? base() : base.getValue();
            String purpose = "template of " + chain.description() + " at "
                    + (index < 0 ? "no migration" : migrations.get(index).id()) + ", fingerprint " + fingerprint;
            DisposableDatabase template = factory.createTemplate(baseName, purpose);
            if (index >= 0) {
                // The head needs no target, and a repeatable migration cannot be one.
                Migration last = migrations.get(index);
                Optional<String> engineTarget = index == migrations.size() - 1 || last.isRepeatable()
                        ? Optional.empty() : Optional.of(chain.targetOf(last));
                MigrationResult result = RunPipeline.of(chain, template, limit).migrate(engineTarget);
                migrationsApplied.addAndGet(result.applied().size());
                if (!result.succeeded()) {
                    template.close();
                    TemplateBuildException exception = new TemplateBuildException(chain, migrations.get(index), result);
                    failed.put(failedIndex(result, base == null ? -1 : base.getKey(), index), exception);
                    throw exception;
                }
                builds.put(index, new Build(base == null || base.getKey() < 0 ? Optional.empty()
                        : Optional.of(migrations.get(base.getKey())), result.applied()));
            }
            // A clone needs a template without sessions; the engine's connections may still be closing.
            factory.disconnectAll(template.name());
            built.put(index, template.name());
            counted();
            return template.name();
        }

        synchronized Optional<String> caveat() {
            if (caveat == null) {
                try (DisposableDatabase scratch = factory.createEmpty()) {
                    caveat = chain.stepwiseCaveat(scratch.dataSource("migrationtest-resolve"));
                }
            }
            return caveat;
        }

        synchronized Optional<Build> buildOf(Optional<String> target) {
            return Optional.ofNullable(builds.get(indexOf(target)));
        }

        /** The state before the first migration: template0, prepared (once) where the chain has a preparation. */
        String base() {
            // An empty database need not wait for a state being built.
            Preparation preparation = PreparedChain.preparationOf(chain);
            if (preparation.isEmpty()) {
                return "template0";
            }
            String prepared = base;
            return prepared != null ? prepared : preparedBase(preparation);
        }

        private synchronized String preparedBase(Preparation preparation) {
            if (base != null) {
                return base;
            }
            if (preparationFailure != null) {
                throw new MigrationTestException(preparationFailure.getMessage());
            }
            DisposableDatabase template = factory.createTemplate("template0", "prepared empty database of "
                    + chain.description() + " (" + preparation.describe() + "), fingerprint " + fingerprint);
            try {
                preparer.prepare(preparation, template);
            } catch (MigrationTestException e) {
                template.close();
                preparationFailure = e;
                throw e;
            }
            factory.disconnectAll(template.name());
            counted();
            base = template.name();
            return base;
        }

        /** The index of the migration the run failed on; the run's target where the failure names none. */
        private int failedIndex(MigrationResult result, int baseIndex, int target) {
            Optional<Migration> failedOn = result.failure().flatMap(f -> f.migration());
            int at = failedOn.map(migrations::indexOf).orElse(-1);
            return at > baseIndex && at <= target ? at : target;
        }

        /** The index of the migration a state ends with: the target's, or the last for the head. */
        private int indexOf(Optional<String> target) {
            return target.map(this::indexOf).orElse(migrations.size() - 1);
        }

        private int indexOf(String id) {
            for (int i = 0; i < migrations.size(); i++) {
                if (chain.isNamedBy(migrations.get(i), id)) {
                    return i;
                }
            }
            throw new MigrationTestConfigurationException("The " + chain.description() + " has no migration '" + id
                    + "'. Its migrations are: " + migrations.stream().map(Migration::id)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    static String fingerprintOf(MigrationChain chain, List<Migration> migrations, String serverVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((chain.engine() + "\n" + chain.settings() + "\n" + serverVersion + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Migration m : migrations) {
                digest.update((m.id() + "|" + m.description() + "|" + m.script() + "|" + m.checksum().orElse("")
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
