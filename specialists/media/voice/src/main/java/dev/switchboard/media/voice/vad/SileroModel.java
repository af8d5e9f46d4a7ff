package dev.switchboard.media.voice.vad;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loaded Silero network: one {@link OrtSession} per process for all streams, counted by its
 * users and closed when the last one releases it. {@link OrtSession#run} is thread-safe, so any
 * number of streams on any threads share it; with one intra-op and one inter-op thread and
 * sequential execution each inference runs entirely on the calling thread (no spinning pools).
 * Thread-safe.
 */
final class SileroModel {

    private static final Map<Path, SileroModel> LOADED = new HashMap<>();

    private final Path file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private int users;

    private SileroModel(Path file, OrtEnvironment environment, OrtSession session) {
        this.file = file;
        this.environment = environment;
        this.session = session;
    }

    /** The process's session for {@code file}, loading and verifying it on first use. */
    static synchronized SileroModel acquire(Path file) {
        Path key = file.toAbsolutePath().normalize();
        SileroModel model = LOADED.get(key);
        if (model == null) {
            model = load(key);
            LOADED.put(key, model);
        }
        model.users++;
        return model;
    }

    private static SileroModel load(Path file) {
        byte[] bytes = SileroModelFile.readVerified(file);
        OrtEnvironment environment = createEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            return new SileroModel(file, environment, environment.createSession(bytes, options));
        } catch (OrtException e) {
            throw new VadModelException("onnxruntime cannot load the Silero VAD model at " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The process's onnxruntime environment, created on a thread with a 16 MB stack: creating it starts
     * onnxruntime's usage telemetry, which reads {@code /proc/self/cmdline} using native stack in
     * proportion to its length, so a JVM started with a long class path died with SIGSEGV on a 1 MB
     * stack. Telemetry is then switched off (nothing leaves the machine; the launcher also sets
     * {@code ORT_DISABLE_TELEMETRY=1}).
     */
    private static OrtEnvironment createEnvironment() {
        AtomicReference<OrtEnvironment> created = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("onnxruntime-init").stackSize(16L << 20).unstarted(() -> {
            try {
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                environment.setTelemetry(false);
                created.set(environment);
            } catch (OrtException | RuntimeException | LinkageError e) {
                failed.set(new VadModelException("onnxruntime cannot start: " + e.getMessage(), e));
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VadModelException("interrupted while onnxruntime started", e);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return created.get();
    }

    /** Takes one more use (a stream keeps the session open while it lives). */
    void retain() {
        synchronized (SileroModel.class) {
            if (users == 0) {
                throw new IllegalStateException("the Silero VAD session is already closed");
            }
            users++;
        }
    }

    /** Gives back one use; the session closes when nobody uses it any more. */
    void release() {
        synchronized (SileroModel.class) {
            if (users == 0) {
                return;
            }
            users--;
            if (users > 0) {
                return;
            }
            LOADED.remove(file);
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new VadModelException("closing the Silero VAD session failed: " + e.getMessage(), e);
        }
    }

    OrtEnvironment environment() {
        return environment;
    }

    OrtSession session() {
        return session;
    }

    /** How many handles hold the model (for tests). */
    static synchronized int users(Path file) {
        SileroModel model = LOADED.get(file.toAbsolutePath().normalize());
        return model == null ? 0 : model.users;
    }
}
