/** Each migration applied to a populated database: its failures on data, its locks, rewrites and waits. */
package io.github.migrationtest.scenarios.data;
