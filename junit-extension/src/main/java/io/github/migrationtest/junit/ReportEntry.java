package io.github.migrationtest.junit;

import io.github.migrationtest.core.profile.MigrationProfile;
import java.util.Optional;

/**
 * The outcome of one check in a report.
 *
 * @param check the check, as its test factory is named ({@code clean install}, {@code applies to data}...)
 * @param test the test's name
 * @param status {@code passed}, {@code failed} or {@code skipped}
 * @param message the failure's or skip's message, empty when passed
 * @param millis how long the test took
 * @param profile the profile a data check measured
 */
record ReportEntry(String check, String test, String status, String message, long millis,
        Optional<MigrationProfile> profile) {
}
