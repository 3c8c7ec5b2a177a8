/**
 * Runnable examples, one package per real incident: the chain that broke, the test that reproduces
 * the break, and the fixed chain that survives it.
 */
package io.github.migrationtest.examples;
