package dev.switchboard.media.voice.vad;

import static dev.switchboard.testkit.SpeechFixtures.concat;
import static dev.switchboard.testkit.SpeechFixtures.silence;

import dev.switchboard.testkit.SpeechFixtures;
import java.time.Duration;
import java.util.Random;

/** The test signals, built from espeak-ng speech at 16 kHz. Stateless. */
final class Utterances {

    static final int RATE = 16_000;
    static final String PHRASE = "hello there, how are you today";
    /** Amplitude at which a sample counts as sound when locating speech in the espeak WAV. */
    static final int ACTIVE_LEVEL = 300;

    private Utterances() {
    }

    static short[] phrase() {
        return SpeechFixtures.say(PHRASE, RATE);
    }

    static short[] ms(int millis) {
        return silence(RATE, Duration.ofMillis(millis));
    }

    /** 500 ms silence, the phrase, 800 ms silence. */
    static short[] single() {
        return concat(ms(500), phrase(), ms(800));
    }

    /** 500 ms silence, phrase, {@code gapMillis} silence, phrase, 800 ms silence. */
    static short[] twice(int gapMillis) {
        return concat(ms(500), phrase(), ms(gapMillis), phrase(), ms(800));
    }

    /** The phrase at {@code gain} of its level with Gaussian noise (σ 300) over everything. */
    static short[] quietInNoise(double gain) {
        short[] pcm = single();
        Random random = new Random(7);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(pcm[i] * gain + random.nextGaussian() * 300);
        }
        return pcm;
    }
}
