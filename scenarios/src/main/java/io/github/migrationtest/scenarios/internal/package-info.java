/**
 * The implementation of the scenarios module: statement splitting, history-table edits per engine, row
 * filling, observation of what migrations do. Internal: it may change at any time, without notice.
 */
package io.github.migrationtest.scenarios.internal;
