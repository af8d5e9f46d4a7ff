package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Speech#revealed}: the words shown while a speech plays, in step with its audio. */
class SpeechRevealTest {

    private static Speech speech(String text, int ttsRate) {
        Speech s = new Speech(1, true, "agent", new TurnClock());
        s.text.append(text);
        s.ttsRate = ttsRate;
        return s;
    }

    @Test
    void wordMarksRevealWholeWordsAsTheyArePlayed() {
        Speech s = speech("one two three", 48_000);
        s.align(4, 48_000);
        s.align(8, 96_000);
        s.align(13, 144_000);
        s.samples48 = 144_000;
        assertThat(s.revealed(0)).isEmpty();
        assertThat(s.revealed(24_000)).as("half of 'one': no partial word").isEmpty();
        assertThat(s.revealed(48_000)).isEqualTo("one");
        assertThat(s.revealed(72_000)).isEqualTo("one");
        assertThat(s.revealed(96_000)).isEqualTo("one two");
        assertThat(s.revealed(143_999)).isEqualTo("one two");
        s.finished = true;
        assertThat(s.revealed(144_000)).isEqualTo("one two three");
    }

    @Test
    void betweenClauseMarksTheWordsAreSpreadOverTheAudio() {
        String text = "Hello there, how are you today?";
        Speech s = speech(text, 24_000);
        s.align(text.length(), 48_000); // the clause took 2 s (48,000 samples at 24 kHz)
        s.samples48 = 96_000;
        assertThat(s.revealed(47_000)).as("just before half way").isEqualTo("Hello there,");
        assertThat(s.revealed(49_600)).isEqualTo("Hello there, how");
        assertThat(s.revealed(90_000)).isEqualTo("Hello there, how are you");
        assertThat(s.heard(48_000, false)).as("the history stays conservative: no mark passed").isEmpty();
    }

    @Test
    void pastTheLastMarkThePaceSoFarGoesOnAndTheWordsNeverShrink() {
        String text = "First clause here. And then a second one that is still being spoken";
        Speech s = speech(text, 48_000);
        s.align(19, 57_600); // 19 characters in 1.2 s
        s.samples48 = 200_000;
        String previous = "";
        for (long played = 0; played <= 200_000; played += 4_800) {
            String now = s.revealed(played);
            assertThat(now.length()).as("at %d samples", played).isGreaterThanOrEqualTo(previous.length());
            assertThat(text).startsWith(now);
            previous = now;
        }
        assertThat(s.revealed(57_600)).isEqualTo("First clause here.");
        assertThat(s.revealed(115_200)).as("another 1.2 s at the same pace")
                .isEqualTo("First clause here. And then a second");
    }

    @Test
    void withoutMarksItFollowsAboutFifteenCharactersASecond() {
        Speech s = speech("This sentence has no alignment at all from its voice", 24_000);
        s.samples48 = 500_000;
        assertThat(s.revealed(48_000)).as("one second").isEqualTo("This sentence");
        assertThat(s.revealed(0)).isEmpty();
    }
}
