/** Diagnosis rules: known causes of migration failures, recognised from the evidence a run leaves. Internal: may change at any time, without notice. */
package io.github.migrationtest.core.internal.diagnosis;
