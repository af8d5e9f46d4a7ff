/**
 * The HTTP face of Switchboard ({@code switchboard serve}): the JSON API over the
 * {@link dev.switchboard.coordinator.Switchboard} operations and workflows, health, Prometheus
 * metrics, the OpenAPI document, and the LiveKit webhook receiver. Start it with
 * {@link dev.switchboard.coordinator.http.HttpApi#start}. Public types are the entry point and its
 * settings records; everything else is package-private.
 */
package dev.switchboard.coordinator.http;
