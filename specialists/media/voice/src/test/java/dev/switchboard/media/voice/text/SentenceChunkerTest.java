package dev.switchboard.media.voice.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceChunkerTest {

    /** Feeds {@code text} in deltas of {@code size} characters and returns every piece. */
    private static List<String> chunks(String text, int size) {
        SentenceChunker c = SentenceChunker.create();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            out.addAll(c.push(text.substring(i, Math.min(text.length(), i + size))));
        }
        out.addAll(c.flush());
        return out;
    }

    @Test
    void firstClauseGoesOutEarlyThenWholeSentences() {
        String reply = "The weather in Paris is sunny, with a high of 21 degrees. It will rain tomorrow. "
                + "Bring an umbrella!";
        assertThat(chunks(reply, 3)).containsExactly("The weather in Paris is sunny,",
                "with a high of 21 degrees.", "It will rain tomorrow.", "Bring an umbrella!");
    }

    @Test
    void shortLaterSentencesAreMerged() {
        assertThat(chunks("Hello there! Ok. Fine. It is all good now. Bye.", 2))
                .containsExactly("Hello there!", "Ok. Fine. It is all good now.", "Bye.");
    }

    @Test
    void firstPieceIsEmittedBeforeTheReplyEnds() {
        SentenceChunker c = SentenceChunker.create();
        assertThat(c.push("Sure")).isEmpty();
        assertThat(c.push("! I")).containsExactly("Sure!");
        assertThat(c.push(" can do that, and more")).isEmpty();
        assertThat(c.flush()).containsExactly("I can do that, and more");
    }

    @Test
    void shortClauseDoesNotSplitTheFirstPiece() {
        assertThat(chunks("Yes, of course. Here it is.", 1)).containsExactly("Yes, of course.", "Here it is.");
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        List<String> out = chunks("I asked Dr. Smith and J. R. Jones about pi. It is about 3.14 today. "
                + "Bring fruit, e.g. apples, to the U.S. office at 9 a.m. on Monday.", 4);
        assertThat(out).containsExactly("I asked Dr. Smith and J. R. Jones about pi.",
                "It is about 3.14 today.",
                "Bring fruit, e.g. apples, to the U.S. office at 9 a.m. on Monday.");
    }

    @Test
    void markdownAndEmojiAreStrippedBeforeSpeech() {
        List<String> out = chunks("## Options\n**Bold** choice 🎉: see [the docs](https://x.io/a) now.\n"
                + "- first `item`\n- second item 👍🏽\n1. numbered one\n", 5);
        assertThat(out).containsExactly("Options", "Bold choice : see the docs now.", "first item", "second item",
                "numbered one");
        assertThat(String.join(" ", out)).doesNotContain("*", "#", "`", "](", "🎉", "👍");
    }

    @Test
    void neverEmitsNoneNullOrEmptyPieces() {
        SentenceChunker c = SentenceChunker.create();
        List<String> out = new ArrayList<>(c.push("None"));
        out.addAll(c.flush());
        assertThat(out).isEmpty();
        assertThat(c.emittedAny()).isFalse();
        assertThat(chunks("null", 2)).isEmpty();
        assertThat(chunks("🎉🎉 ... ***", 2)).isEmpty();
        assertThat(chunks("", 1)).isEmpty();
        assertThat(chunks("Hello there. None", 3)).containsExactly("Hello there.");
    }

    @Test
    void noneInsideASentenceIsAWord() {
        assertThat(chunks("None of them came.", 3)).containsExactly("None of them came.");
    }

    @Test
    void longTextWithoutMarksIsCutAtASpace() {
        String words = "word ".repeat(100);
        List<String> out = chunks(words, 7);
        assertThat(out).hasSizeGreaterThan(1);
        assertThat(out).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(300));
        assertThat(String.join(" ", out)).isEqualTo(words.strip());
    }

    @Test
    void ellipsisAndQuotesEndSentences() {
        assertThat(chunks("Well... \"That is odd.\" She left.", 2))
                .containsExactly("Well...", "\"That is odd.\" She left.");
    }

    @Test
    void badLimitsAreNamed() {
        assertThatThrownBy(() -> SentenceChunker.create(0, 20, 300)).hasMessageContaining("firstClauseMinChars");
        assertThatThrownBy(() -> SentenceChunker.create(12, 20, 25)).hasMessageContaining("maxChars");
    }
}
