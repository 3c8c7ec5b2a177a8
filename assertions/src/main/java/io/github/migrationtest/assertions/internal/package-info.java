/**
 * Implementation of migrationtest's assertions (catalog queries, canonical text, diffs, name lookups); it may
 * change at any time and is not for use outside this module.
 */
package io.github.migrationtest.assertions.internal;
