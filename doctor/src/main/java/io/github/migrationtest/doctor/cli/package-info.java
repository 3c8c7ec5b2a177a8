/**
 * The doctor as a command-line pre-deploy step.
 */
package io.github.migrationtest.doctor.cli;
