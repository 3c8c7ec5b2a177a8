/**
 * A redeploy that failed with {@code type "platformtype" already exists}: an earlier deployment had
 * created the analytics enums, but the migration that creates them was never recorded.
 */
package io.github.migrationtest.examples.analyticsenums;
