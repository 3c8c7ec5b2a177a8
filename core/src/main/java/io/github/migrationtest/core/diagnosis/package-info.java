/**
 * Matches failed migration runs to the known causes of {@link io.github.migrationtest.core.Diagnosis},
 * with evidence queried from the database and the fix.
 */
package io.github.migrationtest.core.diagnosis;
