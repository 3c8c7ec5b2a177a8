/** Implementation of migrationtest-spring; may change at any time. */
package io.github.migrationtest.spring.internal;
