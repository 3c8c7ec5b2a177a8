package io.github.migrationtest.core.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles of a chain's migrations, each measured on its own populated database.
 *
 * @param chain the chain's description
 * @param server the server it ran on
 * @param migrations the profiles, in chain order
 */
public record ChainProfile(String chain, String server, List<MigrationProfile> migrations) {

    /** Validates and copies the components. */
    public ChainProfile {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(server, "server");
        migrations = List.copyOf(migrations);
    }

    /** The profile of the migration with this id. */
    public Optional<MigrationProfile> migration(String id) {
        return migrations.stream().filter(m -> m.migrationId().equals(id)).findFirst();
    }
}
