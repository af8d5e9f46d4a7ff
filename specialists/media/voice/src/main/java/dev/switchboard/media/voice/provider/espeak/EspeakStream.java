package dev.switchboard.media.voice.provider.espeak;

import dev.switchboard.media.voice.provider.internal.SerialTtsStream;
import dev.switchboard.media.voice.provider.internal.WavStream;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TtsListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One reply spoken by {@code espeak-ng}: one process per text piece (the text goes in on stdin, so
 * it can never be read as an option), its WAV read as it arrives in ~46 ms chunks. Cancelling kills
 * the process. Thread-safe as {@link SerialTtsStream}.
 */
final class EspeakStream extends SerialTtsStream {

    private static final int CHUNK_BYTES = 2048;

    private final List<String> command;
    private volatile Process current;

    EspeakStream(String provider, TtsListener listener, String binary, String voice, int wpm, int pitch) {
        super(provider, listener);
        this.command = List.of(binary, "--stdout", "-v", voice, "-s", Integer.toString(wpm), "-p",
                Integer.toString(pitch));
    }

    @Override
    protected void synthesize(String text, Sink sink) throws InterruptedException {
        Process p = start();
        current = p;
        if (over()) {
            p.destroyForcibly();
            return;
        }
        try {
            Thread.ofVirtual().start(() -> writeText(p, text));
            Optional<WavStream> wav = WavStream.open(p.getInputStream(), CHUNK_BYTES);
            if (wav.isPresent()) {
                if (wav.get().sampleRate() != EspeakTts.SAMPLE_RATE) {
                    throw failure("espeak-ng wrote " + wav.get().sampleRate() + " Hz audio, expected "
                            + EspeakTts.SAMPLE_RATE + " Hz (an mbrola voice?)", false);
                }
                for (Optional<short[]> pcm = wav.get().next(); pcm.isPresent(); pcm = wav.get().next()) {
                    sink.audio(pcm.get());
                }
            }
            int code = p.waitFor();
            if (over()) {
                return;
            }
            String err = new String(p.getErrorStream().readNBytes(400), StandardCharsets.UTF_8).strip();
            if (code != 0 || wav.isEmpty()) {
                throw failure("espeak-ng " + String.join(" ", command.subList(1, command.size())) + " exited "
                        + code + (err.isEmpty() ? " without audio" : ": " + err), false);
            }
        } catch (IOException e) {
            if (!over()) {
                throw failure("reading espeak-ng's audio failed: " + e.getMessage(), true);
            }
        } finally {
            p.destroyForcibly();
            current = null;
        }
    }

    private Process start() {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw failure("cannot run " + command.getFirst() + " (install it with scripts/setup.d/50-espeak.sh, "
                    + "or apt-get install espeak-ng): " + e.getMessage(), false);
        }
    }

    private static void writeText(Process p, String text) {
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
            in.write('\n');
        } catch (IOException e) {
            // the process died or was killed; its exit status reports why
        }
    }

    @Override
    protected void abortCurrent() {
        Process p = current;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private ProviderException failure(String message, boolean retryable) {
        return new ProviderException(provider(), message, retryable);
    }
}
