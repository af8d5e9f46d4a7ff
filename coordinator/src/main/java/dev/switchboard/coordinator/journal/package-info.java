/**
 * The write-ahead journal: a durable, append-only file of checksummed records that the workflow
 * engine and the coordinator write before and after every step, so that a crash can be recovered.
 * See {@code docs/workflows.md} for the file format and the recovery rules.
 */
package dev.switchboard.coordinator.journal;
