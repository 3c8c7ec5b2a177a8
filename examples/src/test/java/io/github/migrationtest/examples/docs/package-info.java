/**
 * Checks that the documentation shows what the build runs: snippets match the example tests, the
 * configuration table matches the settings.
 */
package io.github.migrationtest.examples.docs;
