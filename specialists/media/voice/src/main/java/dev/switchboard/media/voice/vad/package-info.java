/**
 * Voice activity detection: {@link dev.switchboard.media.voice.vad.Vad} (Silero v5 through
 * onnxruntime by default; WebRTC's VAD as the cheaper alternative) turning 16 kHz PCM into
 * start-of-speech and end-of-speech events. DSP runs on the caller's platform thread.
 */
package dev.switchboard.media.voice.vad;
