package io.github.migrationtest.core.internal.diagnosis;

import io.github.migrationtest.core.model.Finding;
import io.github.migrationtest.core.model.MigrationFailure;
import java.util.Optional;

/** Recognises one or a few related causes of failure. */
interface Rule {

    /** The finding, if the failure has this rule's cause. */
    Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence);
}
