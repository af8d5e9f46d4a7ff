/**
 * Shared plumbing of the built-in providers (option reading, the HTTP client, error mapping,
 * key redaction, PCM and WAV conversion). Not API: may change without notice.
 */
package dev.switchboard.media.voice.provider.internal;
