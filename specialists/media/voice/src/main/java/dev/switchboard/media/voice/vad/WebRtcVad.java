package dev.switchboard.media.voice.vad;

import dev.onvoid.webrtc.media.audio.AudioProcessing;

/**
 * WebRTC's classic voice activity detector ({@code webrtc::VoiceActivityDetector}: the GMM
 * standalone VAD plus the pitch-based posterior), through webrtc-java's
 * {@code dev.onvoid.webrtc.media.audio.VoiceActivityDetector}. Far cheaper than Silero and with no
 * model file, but it tells voiced from unvoiced sound less reliably (see docs/voice-vad.md for
 * measured figures). Streams take 16 kHz PCM in 480-sample (30 ms) windows of three 10 ms chunks;
 * each window's probability is the detector's last voice probability. Needs webrtc-java's native
 * library (linux-x86_64; libpulse0 installed by setup). Thread-safe: each stream owns its own
 * native detector, so streams on different threads are independent.
 */
public final class WebRtcVad {

    private WebRtcVad() {
    }

    /** A detector factory; loads webrtc-java's native library on first use. */
    public static Vad create() {
        loadNative();
        return new Factory();
    }

    private static void loadNative() {
        try {
            Class.forName(AudioProcessing.class.getName(), true, AudioProcessing.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            throw new VadModelException("webrtc-java's native library (webrtc-java linux-x86_64) cannot be"
                    + " loaded; run scripts/setup.sh (it installs libpulse0): " + e, e);
        }
    }

    /** Opens independent native detectors. Thread-safe (stateless). */
    private static final class Factory implements Vad {

        @Override
        public String name() {
            return "webrtc";
        }

        @Override
        public int sampleRate() {
            return WebRtcStream.SAMPLE_RATE;
        }

        @Override
        public VadStream stream(VadOptions options, VadListener listener) {
            return new WebRtcStream(options, listener);
        }

        @Override
        public void close() {
        }
    }
}
