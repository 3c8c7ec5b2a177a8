/**
 * Engine-agnostic checks every migration chain should pass: clean install, rerun, upgrade from every
 * version, schema drift; the JUnit contract runs them as dynamic tests.
 */
package io.github.migrationtest.scenarios.checks;
