package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Spoken test audio made with {@code espeak-ng} (Debian package, installed by
 * {@code scripts/setup.d/50-silero-model.sh}), plus silence and tones to splice around it. WAVs
 * are cached under {@code java.io.tmpdir/switchboard-speech/} by a hash of text and voice, so a
 * phrase is synthesised once per machine. When espeak-ng is missing the test is skipped with a
 * printed reason, except under CI (env {@code CI} set), where it fails because setup installs it.
 * Thread-safe (stateless; cache files are written atomically).
 */
public final class SpeechFixtures {

    private static final String VOICE = "en-us";

    private SpeechFixtures() {
    }

    /** A stretch of audio's first and last sample above the activity level. Immutable. */
    public record Span(int startSample, int endSample) {

        /** The span's length in samples. */
        public int length() {
            return endSample - startSample;
        }
    }

    /** Whether {@code espeak-ng} can be run. */
    public static boolean espeakAvailable() {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips the calling test (printing why) when espeak-ng is missing; fails instead under CI. */
    public static void requireEspeak() {
        if (espeakAvailable()) {
            return;
        }
        String reason = "espeak-ng is not installed (scripts/setup.d/50-silero-model.sh installs it)";
        if (!System.getenv().getOrDefault("CI", "").isBlank()) {
            fail(reason);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** {@code text} spoken by espeak-ng (voice en-us), as mono 16-bit PCM at {@code sampleRate}. */
    public static short[] say(String text, int sampleRate) {
        requireEspeak();
        Path wav = synthesise(text);
        try {
            return Wav.read(wav, sampleRate);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + wav + ": " + e.getMessage(), e);
        }
    }

    /** Digital silence of {@code duration}. */
    public static short[] silence(int sampleRate, Duration duration) {
        return new short[samples(sampleRate, duration)];
    }

    /** A sine tone of {@code hz} at {@code amplitude} (0..1 of full scale). */
    public static short[] tone(int sampleRate, double hz, Duration duration, double amplitude) {
        short[] out = new short[samples(sampleRate, duration)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return out;
    }

    /** The pieces one after another. */
    public static short[] concat(short[]... pieces) {
        int n = 0;
        for (short[] p : pieces) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : pieces) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** First and last sample whose magnitude reaches {@code level} (e.g. 500 of 32767). */
    public static Span activeSpan(short[] pcm, int level) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < pcm.length; i++) {
            if (Math.abs(pcm[i]) >= level) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("no sample reaches " + level);
        }
        return new Span(first, last + 1);
    }

    private static int samples(int sampleRate, Duration duration) {
        return Math.toIntExact(duration.toNanos() * sampleRate / 1_000_000_000L);
    }

    private static Path synthesise(String text) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-speech");
        Path wav = dir.resolve(hash(VOICE + "\n" + text) + ".wav");
        if (Files.isRegularFile(wav)) {
            return wav;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "espeak", ".wav");
            Process p = new ProcessBuilder("espeak-ng", "-v", VOICE, "-w", tmp.toString(), text)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("espeak-ng failed for '" + text + "': " + output);
            }
            Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return wav;
        } catch (IOException e) {
            throw new IllegalStateException("espeak-ng failed for '" + text + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running espeak-ng", e);
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minimal RIFF/WAVE reader for espeak-ng's mono 16-bit output. */
    private static final class Wav {

        static short[] read(Path file, int targetRate) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            b.position(12);
            int rate = 0;
            int channels = 0;
            while (b.remaining() >= 8) {
                String id = new String(new byte[] {b.get(), b.get(), b.get(), b.get()}, StandardCharsets.US_ASCII);
                int size = b.getInt();
                if (id.equals("fmt ")) {
                    int at = b.position();
                    b.getShort();
                    channels = b.getShort();
                    rate = b.getInt();
                    b.position(at + size);
                } else if (id.equals("data")) {
                    int n = Math.min(size < 0 ? Integer.MAX_VALUE : size, b.remaining()) / 2;
                    short[] pcm = new short[n];
                    b.asShortBuffer().get(pcm);
                    if (channels != 1) {
                        throw new IOException(file + ": expected mono, got " + channels + " channels");
                    }
                    return resample(pcm, rate, targetRate);
                } else {
                    b.position(b.position() + size);
                }
            }
            throw new IOException(file + ": no data chunk");
        }

        /** Linear interpolation; good enough for detector tests. */
        static short[] resample(short[] in, int from, int to) {
            if (from == to) {
                return in;
            }
            int n = (int) ((long) in.length * to / from);
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                double x = (double) i * from / to;
                int j = (int) x;
                double f = x - j;
                int next = Math.min(j + 1, in.length - 1);
                out[i] = (short) Math.round(in[j] * (1 - f) + in[next] * f);
            }
            return out;
        }
    }
}
