package dev.switchboard.media.voice.vad;

import dev.switchboard.spi.SwitchboardException;

/**
 * A VAD model could not be used: the file is missing, its SHA-256 does not match the pinned
 * digest, or onnxruntime could not load it. The message names the file and the command that
 * installs the right one. Immutable.
 */
public final class VadModelException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public VadModelException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public VadModelException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "vad_model_unavailable";
    }
}
