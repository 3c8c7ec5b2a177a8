/**
 * A deployment blocked for days by {@code ALTER COLUMN industry_type TYPE industry}: the cast passed on every
 * empty database and failed on the legacy values production had. Reproduced with broken states and rows made
 * up around the values that matter, found by discovery without being told, and fixed.
 */
package io.github.migrationtest.examples.industrycast;
