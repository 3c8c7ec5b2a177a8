/**
 * The doctor's checks and report formats; may change at any time.
 */
package io.github.migrationtest.doctor.internal;
