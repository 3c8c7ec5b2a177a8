/** Population of states and the lock profiler; implementation, may change at any time. */
package io.github.migrationtest.scenarios.internal.data;
