/** What migration runs produce: migrations, results, failures, history entries, diagnoses and the exceptions users see. */
package io.github.migrationtest.core.model;
