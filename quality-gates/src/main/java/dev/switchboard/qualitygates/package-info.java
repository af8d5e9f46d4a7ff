/**
 * The built-in quality gates. Each gate type has a public {@link dev.switchboard.spi.QualityGateProvider}
 * (discoverable through {@link java.util.ServiceLoader} and as a PF4J extension); the gates themselves
 * are package-private. Gate names, keys and weights are documented in {@code docs/gates.md}.
 */
package dev.switchboard.qualitygates;
