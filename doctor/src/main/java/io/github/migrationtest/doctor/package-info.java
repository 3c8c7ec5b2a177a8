/**
 * The doctor: a read-only examination of a live database against the chain that tells what a deploy would meet.
 */
package io.github.migrationtest.doctor;
