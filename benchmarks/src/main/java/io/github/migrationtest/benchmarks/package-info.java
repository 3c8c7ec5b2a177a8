/**
 * Benchmark harnesses: each prints its numbers and compares approaches in one run. Run by hand, never as tests.
 */
package io.github.migrationtest.benchmarks;
