package dev.switchboard.media.voice.vad;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the Silero v5 model file and checks it is the pinned one. Order: env
 * {@code SWITCHBOARD_SILERO_MODEL}, then {@code $SWITCHBOARD_CACHE/models/silero_vad.onnx}, then
 * {@code ~/.cache/switchboard/models/silero_vad.onnx}. Stateless.
 */
final class SileroModelFile {

    /** SHA-256 of {@code silero_vad.onnx} in the npm package {@link #PACKAGE}. */
    static final String SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";
    static final String PACKAGE = "@livekit/agents-plugin-silero@1.9.0";
    static final String ENV_MODEL = "SWITCHBOARD_SILERO_MODEL";
    static final String SETUP_COMMAND = "scripts/setup.d/50-silero-model.sh";

    private SileroModelFile() {
    }

    /** Where the model should be, from the environment (not checked). */
    static Path locate(Map<String, String> env, String userHome) {
        String explicit = env.getOrDefault(ENV_MODEL, "");
        if (!explicit.isBlank()) {
            return Path.of(explicit);
        }
        String cache = env.getOrDefault("SWITCHBOARD_CACHE", "");
        Path root = cache.isBlank() ? Path.of(userHome, ".cache", "switchboard") : Path.of(cache);
        return root.resolve("models").resolve("silero_vad.onnx");
    }

    /** Reads the model after checking it exists and has the pinned SHA-256. */
    static byte[] readVerified(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VadModelException("Silero VAD model not found at " + file + " (looked at $" + ENV_MODEL
                    + ", then $SWITCHBOARD_CACHE/models/silero_vad.onnx): run " + SETUP_COMMAND
                    + " (or scripts/setup.sh) to download it from the npm package " + PACKAGE);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new VadModelException("Silero VAD model at " + file + " cannot be read: " + e.getMessage(), e);
        }
        String digest = sha256(bytes);
        if (!digest.equals(SHA256)) {
            throw new VadModelException("Silero VAD model at " + file + " has SHA-256 " + digest + ", expected "
                    + SHA256 + " (silero_vad.onnx from " + PACKAGE + "): delete it and run " + SETUP_COMMAND
                    + ", or point $" + ENV_MODEL + " at the pinned file");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The model the current process environment points at. */
    static Path fromProcessEnvironment() {
        return locate(Map.copyOf(System.getenv()), System.getProperty("user.home"));
    }
}
