package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.Resampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Speech for tests: WAVs made with espeak-ng (skipped with a reason when it is missing), as 48 kHz PCM. */
final class Utterances {

    private Utterances() {
    }

    /** {@code text} spoken by espeak-ng, at 48 kHz. */
    static short[] speak(String text) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("utterance-", ".wav");
        try {
            Process p;
            try {
                p = new ProcessBuilder("espeak-ng", "-s", "160", "-w", wav.toString(), text)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("espeak-ng is not installed (scripts/setup.d installs it): " + e.getMessage());
                throw e;
            }
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("espeak-ng failed for '" + text + "'");
            }
            return readWav48(Files.readAllBytes(wav));
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** The PCM of a 16-bit mono WAV, resampled to 48 kHz. */
    static short[] readWav48(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int rate = b.getInt(24);
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x61746164) {
                int n = Math.min(size, wav.length - pos - 8) / 2;
                short[] pcm = new short[n];
                b.position(pos + 8);
                b.asShortBuffer().get(pcm);
                return rate == 48_000 ? pcm : Resampler.create(rate, 48_000).process(pcm);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException("no data chunk in WAV");
    }

    /** {@code millis} of silence at 48 kHz. */
    static short[] silence(int millis) {
        return new short[48 * millis];
    }

    /** A noise burst ({@code millis} of a loud 200 Hz buzz) at 48 kHz. */
    static short[] burst(int millis) {
        short[] pcm = new short[48 * millis];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.signum(Math.sin(2 * Math.PI * 200 * i / 48_000.0)));
        }
        return pcm;
    }
}
