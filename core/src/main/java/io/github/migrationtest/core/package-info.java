/**
 * The engine-agnostic model of migrationtest: migration chains, the databases they run on, and the
 * results of running them.
 */
package io.github.migrationtest.core;
