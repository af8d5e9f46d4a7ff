package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.Resampler;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent utterance: the text given to the TTS, the 48 kHz audio queued for it, and the alignment
 * between the two, so an interruption keeps only the words the user heard. Not thread-safe (the
 * session's lane owns it).
 */
final class Speech {

    final long id;
    final boolean interruptible;
    final String agent;
    final TurnClock clock;
    final StringBuilder text = new StringBuilder();
    final List<long[]> marks = new ArrayList<>();
    long samples48;
    int recordedChars;
    boolean playing;
    boolean finished;
    TtsStream tts;
    Resampler resampler;
    int ttsRate;
    Generation generation;
    java.util.function.Consumer<Speech> starter = x -> { };

    Speech(long id, boolean interruptible, String agent, TurnClock clock) {
        this.id = id;
        this.interruptible = interruptible;
        this.agent = agent;
        this.clock = clock;
    }

    /** The provider says its audio so far ({@code audioSamples} at its rate) covers {@code textOffset} chars. */
    void align(int textOffset, long audioSamples) {
        if (ttsRate > 0) {
            marks.add(new long[] {audioSamples * 48_000L / ttsRate, textOffset});
        }
    }

    /** The words covered by the first {@code played} samples (48 kHz). */
    String heard(long played, boolean complete) {
        String all = text.toString();
        if (complete || (samples48 > 0 && played >= samples48 && finished)) {
            return all.strip();
        }
        int offset = 0;
        for (long[] m : marks) {
            if (m[0] <= played) {
                offset = (int) Math.max(offset, Math.min(all.length(), m[1]));
            }
        }
        if (marks.isEmpty() && samples48 > 0) {
            offset = (int) Math.min(all.length(), all.length() * played / samples48);
            while (offset > 0 && offset < all.length() && !Character.isWhitespace(all.charAt(offset))) {
                offset--;
            }
        }
        return all.substring(0, offset).strip();
    }
}
