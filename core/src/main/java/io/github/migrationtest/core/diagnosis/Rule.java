package io.github.migrationtest.core.diagnosis;

import io.github.migrationtest.core.Finding;
import io.github.migrationtest.core.MigrationFailure;
import java.util.Optional;

/** Recognises one or a few related causes of failure. */
interface Rule {

    /** The finding, if the failure has this rule's cause. */
    Optional<Finding> diagnose(MigrationFailure failure, Evidence evidence);
}
