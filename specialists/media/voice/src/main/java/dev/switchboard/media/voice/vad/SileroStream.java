package dev.switchboard.media.voice.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * One Silero v5 stream: 512-sample windows at 16 kHz, fed to the model with the 64 samples before
 * them as context, the network's recurrent state ({@code [2, 1, 128]}) carried from window to
 * window. All tensors, inputs and pinned outputs alike, wrap direct buffers made once per stream,
 * so an inference allocates only onnxruntime's small result wrapper. Not thread-safe (one pushing
 * thread); several streams run concurrently on one shared session.
 */
final class SileroStream extends WindowedStream {

    static final int SAMPLE_RATE = 16_000;
    static final int WINDOW = 512;
    static final int CONTEXT = 64;
    private static final int STATE = 2 * 128;

    private final SileroModel model;
    private final FloatBuffer input = floats(CONTEXT + WINDOW);
    private final FloatBuffer state = floats(STATE);
    private final FloatBuffer output = floats(1);
    private final FloatBuffer nextState = floats(STATE);
    private final float[] context = new float[CONTEXT];
    private final float[] scratch = new float[WINDOW];
    private final OnnxTensor inputTensor;
    private final OnnxTensor stateTensor;
    private final OnnxTensor rateTensor;
    private final OnnxTensor outputTensor;
    private final OnnxTensor nextStateTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;

    SileroStream(SileroModel model, VadOptions options, VadListener listener) {
        super(options, listener, SAMPLE_RATE, WINDOW);
        this.model = model;
        LongBuffer rate = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        rate.put(0, SAMPLE_RATE);
        try {
            var env = model.environment();
            inputTensor = OnnxTensor.createTensor(env, input, new long[] {1, CONTEXT + WINDOW});
            stateTensor = OnnxTensor.createTensor(env, state, new long[] {2, 1, 128});
            rateTensor = OnnxTensor.createTensor(env, rate, new long[0]);
            outputTensor = OnnxTensor.createTensor(env, output, new long[] {1, 1});
            nextStateTensor = OnnxTensor.createTensor(env, nextState, new long[] {2, 1, 128});
        } catch (OrtException e) {
            throw new VadModelException("cannot create the Silero VAD stream's tensors: " + e.getMessage(), e);
        }
        inputs = Map.of("input", inputTensor, "state", stateTensor, "sr", rateTensor);
        outputs = Map.of("output", outputTensor, "stateN", nextStateTensor);
        model.retain();
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    float probability(short[] window) {
        for (int i = 0; i < WINDOW; i++) {
            scratch[i] = window[i] / 32768f;
        }
        input.put(0, context, 0, CONTEXT);
        input.put(CONTEXT, scratch, 0, WINDOW);
        System.arraycopy(scratch, WINDOW - CONTEXT, context, 0, CONTEXT);
        try {
            // the result owns nothing: both outputs are the pinned tensors above
            model.session().run(inputs, outputs).close();
        } catch (OrtException e) {
            throw new VadModelException("Silero VAD inference failed: " + e.getMessage(), e);
        }
        state.put(0, nextState, 0, STATE);
        return output.get(0);
    }

    @Override
    void resetModel() {
        Arrays.fill(context, 0f);
        for (int i = 0; i < STATE; i++) {
            state.put(i, 0f);
        }
    }

    @Override
    void release() {
        inputTensor.close();
        stateTensor.close();
        rateTensor.close();
        outputTensor.close();
        nextStateTensor.close();
        model.release();
    }
}
