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

    /** About 15 characters of English a second, at 48 kHz: the pace when no alignment tells better. */
    private static final double PACE_CHARS_PER_SAMPLE = 15.0 / 48_000;
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

    /**
     * The text to show once {@code played} samples (48 kHz) have been played, revealed word by word in step
     * with the audio (LiveKit Agents' synchronized transcription): between two alignment marks the words
     * are spread evenly over the audio; past the last mark, at the pace the marks so far showed (else about
     * 15 characters a second). Never ends inside a word, never goes back before the last mark passed.
     * {@link #heard} stays the conservative figure the history keeps.
     */
    String revealed(long played) {
        String all = text.toString();
        if (finished && samples48 > 0 && played >= samples48) {
            return all.strip();
        }
        long fromSamples = 0;
        long fromChars = 0;
        long toSamples = -1;
        long toChars = -1;
        for (long[] m : marks) {
            if (m[0] <= played) {
                fromSamples = m[0];
                fromChars = Math.max(fromChars, m[1]);
            } else if (toSamples < 0 && m[1] > fromChars) {
                toSamples = m[0];
                toChars = m[1];
            }
        }
        double charsPerSample = toSamples > fromSamples
                ? (double) (toChars - fromChars) / (toSamples - fromSamples)
                : fromSamples > 0 && fromChars > 0 ? (double) fromChars / fromSamples : PACE_CHARS_PER_SAMPLE;
        long limit = toSamples > fromSamples ? toChars : all.length();
        int offset = (int) Math.min(Math.min(limit, all.length()),
                fromChars + (long) ((played - fromSamples) * charsPerSample));
        int floor = (int) Math.min(fromChars, all.length());
        while (offset > floor && offset < all.length() && !Character.isWhitespace(all.charAt(offset))) {
            offset--;
        }
        return all.substring(0, Math.max(offset, floor)).strip();
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
