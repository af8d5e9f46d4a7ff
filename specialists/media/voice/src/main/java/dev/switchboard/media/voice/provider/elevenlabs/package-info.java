/**
 * ElevenLabs' streaming text-to-speech over its {@code stream-input} WebSocket: text pieces in
 * (each flushed), base64 PCM and character alignment out. The public type is the PF4J factory.
 */
package dev.switchboard.media.voice.provider.elevenlabs;
