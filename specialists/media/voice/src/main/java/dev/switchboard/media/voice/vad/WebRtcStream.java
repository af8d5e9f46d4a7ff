package dev.switchboard.media.voice.vad;

import dev.onvoid.webrtc.media.audio.VoiceActivityDetector;

/**
 * One WebRTC VAD stream: 30 ms windows fed as three 10 ms chunks (the detector's unit) to a
 * native {@link VoiceActivityDetector}; the window's probability is its last voice probability.
 * Reuses one byte buffer. Not thread-safe (one pushing thread).
 */
final class WebRtcStream extends WindowedStream {

    static final int SAMPLE_RATE = 16_000;
    static final int CHUNK = SAMPLE_RATE / 100;
    static final int WINDOW = 3 * CHUNK;

    private final byte[] chunk = new byte[CHUNK * 2];
    private VoiceActivityDetector detector = new VoiceActivityDetector();

    WebRtcStream(VadOptions options, VadListener listener) {
        super(options, listener, SAMPLE_RATE, WINDOW);
    }

    @Override
    float probability(short[] window) {
        for (int c = 0; c < WINDOW; c += CHUNK) {
            for (int i = 0; i < CHUNK; i++) {
                short s = window[c + i];
                chunk[2 * i] = (byte) s;
                chunk[2 * i + 1] = (byte) (s >> 8);
            }
            detector.process(chunk, CHUNK, SAMPLE_RATE);
        }
        return detector.getLastVoiceProbability();
    }

    @Override
    void resetModel() {
        detector.dispose();
        detector = new VoiceActivityDetector();
    }

    @Override
    void release() {
        detector.dispose();
    }
}
