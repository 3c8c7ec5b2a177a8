/**
 * Broken database states from real incidents ({@link io.github.migrationtest.scenarios.BrokenStates}), rows
 * for seeding them ({@link io.github.migrationtest.scenarios.Rows}), their discovery from what each migration
 * does ({@link io.github.migrationtest.scenarios.Scenarios}), and concurrent migrators
 * ({@link io.github.migrationtest.scenarios.ConcurrentMigration}).
 */
package io.github.migrationtest.scenarios;
