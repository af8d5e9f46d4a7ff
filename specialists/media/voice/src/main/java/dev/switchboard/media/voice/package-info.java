/**
 * Voice agents: the realtime pipeline (VAD, STT, LLM, TTS, turn taking, barge-in, tools, handoffs)
 * that the media specialist runs inside LiveKit rooms. Sub-packages: {@code spi} (the provider
 * contracts drop-in JARs implement), {@code vad} (voice activity detection).
 */
package dev.switchboard.media.voice;
