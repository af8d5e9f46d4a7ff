/**
 * Deployment and reference exports of Switchboard's configuration: {@code switchboard export}. Public
 * types: {@link dev.switchboard.export.Exporter}, {@link dev.switchboard.export.ExportFormat},
 * {@link dev.switchboard.export.ExportInput}, {@link dev.switchboard.export.Drift}; the rest is
 * package-private. No export ever contains a secret value.
 */
package dev.switchboard.export;
