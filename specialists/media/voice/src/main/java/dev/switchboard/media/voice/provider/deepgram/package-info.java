/**
 * Deepgram's streaming speech-to-text over WebSocket ({@code /v1/listen}): interim and final
 * results, its own end of utterance, Finalize, KeepAlive and CloseStream. The public type is the
 * PF4J factory.
 */
package dev.switchboard.media.voice.provider.deepgram;
