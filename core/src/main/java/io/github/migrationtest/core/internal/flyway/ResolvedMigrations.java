package io.github.migrationtest.core.internal.flyway;

import io.github.migrationtest.core.model.Migration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateOutput;

/**
 * The migrations Flyway resolves for a chain, scanned once per JVM for each content of its locations,
 * and what a migrate run applied, told from its result: a run at the head then costs one Flyway
 * command, not an {@code info()} before and after it (each of which rescans every file and reads the
 * history).
 */
final class ResolvedMigrations {

    // Keyed by the chain's settings, its class loader and the fingerprint of its locations' files.
    private static final Map<String, List<Migration>> SCANS = new ConcurrentHashMap<>();
    private static final int MAX_SCANS = 256;

    private ResolvedMigrations() {
    }

    /**
     * The migrations this run applied, in the order it applied them, as {@code outputs} name them.
     *
     * @param settings the chain's canonical settings
     * @param flyway the Flyway that ran (its configuration after the user's configurer)
     * @param outputs what the run reports it applied (for a failed run, what it applied before the
     *     failure, which the caller checks against the history: {@code MigrateOutput.rolledBack}, which
     *     would tell, is missing in Flyway 10.0)
     */
    static List<Migration> applied(String settings, Flyway flyway, List<MigrateOutput> outputs) {
        List<MigrateOutput> kept = outputs == null ? List.of() : outputs;
        if (kept.isEmpty()) {
            return List.of();
        }
        Optional<String> key = key(settings, flyway);
        List<Migration> resolved = key.map(SCANS::get).orElse(null);
        if (resolved != null) {
            Optional<List<Migration>> found = match(kept, resolved);
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<Migration> scanned = scan(flyway);
        if (key.isPresent() && SCANS.size() < MAX_SCANS) {
            SCANS.put(key.get(), scanned);
        }
        // Anything the scan does not know is left out rather than guessed, as before.
        return match(kept, scanned).orElseGet(() -> kept.stream()
                .flatMap(o -> find(o, scanned).stream()).toList());
    }

    /** Remembers a chain's migrations resolved by a full {@code info()}, e.g. for its template cache. */
    static void remember(String settings, Flyway flyway, List<Migration> resolved) {
        key(settings, flyway).filter(k -> SCANS.size() < MAX_SCANS).ifPresent(k -> SCANS.put(k, resolved));
    }

    /** The chain's migrations as scanned before for the present content of its locations, if they were. */
    static Optional<List<Migration>> known(String settings, Flyway flyway) {
        return key(settings, flyway).map(SCANS::get);
    }

    /** Resolved migrations from {@code info().all()}, without history rows whose files are gone. */
    static List<Migration> scan(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() != MigrationState.MISSING_SUCCESS
                        && info.getState() != MigrationState.MISSING_FAILED)
                .map(FlywayChain::toMigration)
                .collect(Collectors.toUnmodifiableList());
    }

    private static Optional<String> key(String settings, Flyway flyway) {
        ClassLoader loader = flyway.getConfiguration().getClassLoader();
        return LocationFingerprint.of(flyway.getConfiguration().getLocations(), loader)
                .map(fingerprint -> settings + "\n" + System.identityHashCode(loader) + "\n" + fingerprint);
    }

    private static Optional<List<Migration>> match(List<MigrateOutput> outputs, List<Migration> resolved) {
        List<Migration> applied = outputs.stream().flatMap(o -> find(o, resolved).stream()).toList();
        return applied.size() == outputs.size() ? Optional.of(applied) : Optional.empty();
    }

    private static Optional<Migration> find(MigrateOutput output, List<Migration> resolved) {
        boolean versioned = output.version != null && !output.version.isEmpty();
        String id = versioned ? output.version : "R__" + output.description;
        // A changed repeatable appears twice in info(): as applied before, and as it is now; the run applied the latter.
        return resolved.stream().filter(m -> m.id().equals(id)
                && (versioned || m.description().equals(output.description))).reduce((first, last) -> last);
    }
}
