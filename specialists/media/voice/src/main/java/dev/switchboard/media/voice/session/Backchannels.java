package dev.switchboard.media.voice.session;

import java.util.Locale;
import java.util.Set;

/** Recognises backchannel utterances ("mm-hm", "yeah", "okay") that should not take the turn. Thread-safe. */
final class Backchannels {

    private static final Set<String> WORDS = Set.of("mm", "mhm", "mm-hm", "mmhm", "hmm", "uh-huh", "uhhuh", "uh",
            "huh", "yeah", "yep", "yes", "ok", "okay", "right", "sure", "aha", "ah", "oh", "i see", "got it", "cool");

    private Backchannels() {
    }

    /** Whether {@code text} is only a backchannel (at most three short words from the list). */
    static boolean is(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z\\- ]", " ").strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return false;
        }
        if (WORDS.contains(t)) {
            return true;
        }
        String[] words = t.split(" ");
        if (words.length > 3) {
            return false;
        }
        for (String w : words) {
            if (!WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
