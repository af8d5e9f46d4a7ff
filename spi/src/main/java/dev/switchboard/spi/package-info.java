/**
 * Switchboard's plugin contracts: {@link dev.switchboard.spi.Specialist} and its operations,
 * requests and results, {@link dev.switchboard.spi.QualityGate}s, and the narrow
 * {@link dev.switchboard.spi.SpecialistContext} a specialist receives. Nothing here is null: absent
 * values are {@link java.util.Optional} return values or empty collections.
 */
package dev.switchboard.spi;
