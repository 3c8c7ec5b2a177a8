/**
 * Implementation details of migrationtest core. Not API: these types may change at any time.
 */
package io.github.migrationtest.core.internal;
