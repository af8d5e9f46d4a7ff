package dev.switchboard.media.voice.vad;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Silero VAD v5 through onnxruntime. The model file ({@code silero_vad.onnx} from the npm package
 * {@code @livekit/agents-plugin-silero}, SHA-256 pinned) is installed by
 * {@code scripts/setup.d/50-silero-model.sh} and found through env
 * {@code SWITCHBOARD_SILERO_MODEL}, then {@code $SWITCHBOARD_CACHE/models/silero_vad.onnx}, then
 * {@code ~/.cache/switchboard/models/silero_vad.onnx}. The ONNX session is loaded once per process
 * and shared by every {@link Vad} handle and stream (one intra-op thread, one inter-op thread,
 * sequential execution); it is closed when the last handle is closed. Streams take 16 kHz PCM in
 * 512-sample (32 ms) windows. Thread-safe: handles and the shared session may be used from any
 * thread; each {@link VadStream} belongs to one pushing thread.
 *
 * <pre>{@code
 * try (Vad vad = SileroVad.create(); VadStream s = vad.stream(VadOptions.defaults(), listener)) {
 *     s.push(pcm16k, 0, pcm16k.length);
 * }
 * }</pre>
 */
public final class SileroVad {

    private SileroVad() {
    }

    /**
     * A handle on the process's Silero model, located from the environment.
     *
     * @throws VadModelException if the model is missing, has the wrong SHA-256 or cannot be loaded
     *                           (the message names the setup command to run)
     */
    public static Vad create() {
        return create(SileroModelFile.fromProcessEnvironment());
    }

    /**
     * A handle on the process's Silero model loaded from {@code modelFile} (which must still have
     * the pinned SHA-256).
     *
     * @throws VadModelException as {@link #create()}
     */
    public static Vad create(Path modelFile) {
        return new Handle(SileroModel.acquire(Objects.requireNonNull(modelFile, "modelFile")));
    }

    /** Where {@link #create()} looks for the model in this process's environment. */
    public static Path defaultModelPath() {
        return SileroModelFile.fromProcessEnvironment();
    }

    /** The pinned SHA-256 of {@code silero_vad.onnx}. */
    public static String modelSha256() {
        return SileroModelFile.SHA256;
    }

    /** One user of the shared model. Thread-safe. */
    private static final class Handle implements Vad {

        private final SileroModel model;
        private volatile boolean closed;

        Handle(SileroModel model) {
            this.model = model;
        }

        @Override
        public String name() {
            return "silero";
        }

        @Override
        public int sampleRate() {
            return SileroStream.SAMPLE_RATE;
        }

        @Override
        public VadStream stream(VadOptions options, VadListener listener) {
            if (closed) {
                throw new IllegalStateException("this Silero VAD handle is closed");
            }
            return new SileroStream(model, options, listener);
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            model.release();
        }
    }
}
