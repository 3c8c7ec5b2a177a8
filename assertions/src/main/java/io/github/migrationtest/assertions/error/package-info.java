/**
 * The failure messages of migrationtest's assertions, each made by a small factory method so that its exact text
 * is written, and tested, in one place.
 */
package io.github.migrationtest.assertions.error;
