/**
 * Building providers from agent configuration ({@link dev.switchboard.media.voice.provider.Providers})
 * and fallback chains with circuit breakers
 * ({@link dev.switchboard.media.voice.provider.FallbackLanguageModel},
 * {@link dev.switchboard.media.voice.provider.FallbackTextToSpeech},
 * {@link dev.switchboard.media.voice.provider.FallbackSpeechToText}). The built-in providers live in
 * the sub-packages {@code openai}, {@code deepgram}, {@code elevenlabs} and {@code espeak}.
 */
package dev.switchboard.media.voice.provider;
