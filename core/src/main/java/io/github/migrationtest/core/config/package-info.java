/**
 * Settings of a migrationtest run: one set of keys, read from annotation attributes, system
 * properties, environment variables and {@code migrationtest.properties}, in that order of precedence.
 */
package io.github.migrationtest.core.config;
