package dev.switchboard.bench;

import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadEvent;
import dev.switchboard.media.voice.vad.VadListener;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.media.voice.vad.VadStream;
import dev.switchboard.media.voice.vad.WebRtcVad;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one detector window on one stream: Silero v5 (512 samples = 32 ms at 16 kHz, one
 * onnxruntime inference on the shared session) and WebRTC's VAD (480 samples = 30 ms, three 10 ms
 * native calls). Each op pushes exactly one window of speech-like noise, so the figure is the
 * per-window cost including windowing and the event logic. The Python reference (LiveKit's own
 * Silero wrapper from PyPI on the same model) is measured after JMH by {@link PythonVadReference}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VadBench {

    private static final VadListener IGNORE = new VadListener() {
        @Override
        public void onSpeechStart(VadEvent event) {
        }

        @Override
        public void onSpeechEnd(VadEvent event) {
        }
    };

    private Vad silero;
    private Vad webrtc;
    private VadStream sileroStream;
    private VadStream webrtcStream;
    private short[] audio;
    private int sileroAt;
    private int webrtcAt;

    /** Loads both detectors and 10 s of noise (cycled through, so state keeps changing). */
    @Setup(Level.Trial)
    public void setUp() {
        silero = SileroVad.create();
        webrtc = WebRtcVad.create();
        sileroStream = silero.stream(VadOptions.defaults(), IGNORE);
        webrtcStream = webrtc.stream(VadOptions.defaults(), IGNORE);
        audio = signal();
    }

    /** 10 s at 16 kHz: a 180 Hz tone plus noise under a 3 Hz envelope (the Python reference's too). */
    static short[] signal() {
        short[] pcm = new short[16_000 * 10];
        Random random = new Random(1);
        for (int i = 0; i < pcm.length; i++) {
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * i / 16_000.0);
            pcm[i] = (short) (envelope * (4000 * Math.sin(2 * Math.PI * 180 * i / 16_000.0)
                    + random.nextGaussian() * 1500));
        }
        return pcm;
    }

    /** Closes the streams and detectors. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sileroStream.close();
        webrtcStream.close();
        silero.close();
        webrtc.close();
    }

    /** One 32 ms Silero window (one inference). */
    @Benchmark
    public boolean sileroWindow() {
        if (sileroAt + 512 > audio.length) {
            sileroAt = 0;
        }
        sileroStream.push(audio, sileroAt, 512);
        sileroAt += 512;
        return sileroStream.speaking();
    }

    /** One 30 ms WebRTC VAD window (three 10 ms chunks). */
    @Benchmark
    public boolean webrtcWindow() {
        if (webrtcAt + 480 > audio.length) {
            webrtcAt = 0;
        }
        webrtcStream.push(audio, webrtcAt, 480);
        webrtcAt += 480;
        return webrtcStream.speaking();
    }
}
