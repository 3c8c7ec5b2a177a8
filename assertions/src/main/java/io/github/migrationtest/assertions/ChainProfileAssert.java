package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.ProfileErrors;
import io.github.migrationtest.core.profile.ChainProfile;
import io.github.migrationtest.core.profile.MigrationProfile;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the profiles of a chain's migrations, navigating to one migration's. */
public final class ChainProfileAssert extends AbstractAssert<ChainProfileAssert, ChainProfile> {

    ChainProfileAssert(ChainProfile actual) {
        super(actual, ChainProfileAssert.class);
    }

    /** The profile of the migration with this id, to assert on. */
    public ProfileAssert migration(String id) {
        isNotNull();
        MigrationProfile profile = actual.migration(id).orElseThrow(() -> assertionError(ProfileErrors.noSuchMigration(
                id, actual.migrations().stream().map(MigrationProfile::migrationId).toList())));
        return new ProfileAssert(profile);
    }
}
