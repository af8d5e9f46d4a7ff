package dev.switchboard.media.voice.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.voice.provider.RecordingTts;
import dev.switchboard.media.voice.spi.ProviderException;
import org.junit.jupiter.api.Test;

class SerialTtsStreamTest {

    /** Speaks 10 samples per character; a piece containing "boom" breaks unexpectedly. */
    private static final class Toy extends SerialTtsStream {
        Toy(RecordingTts listener) {
            super("toy", listener);
        }

        @Override
        protected void synthesize(String text, Sink sink) {
            if (text.contains("boom")) {
                throw new IllegalStateException("unexpected state");
            }
            sink.audio(new short[text.length() * 10]);
        }

        @Override
        protected void abortCurrent() {
        }
    }

    @Test
    void blankPiecesCountForOffsetsButAreNotSpoken() throws Exception {
        RecordingTts rec = new RecordingTts();
        Toy s = new Toy(rec);
        s.pushText("ab");
        s.pushText("   ");
        s.pushText("cd");
        s.end();
        rec.awaitDone();
        assertThat(rec.alignments)
                .containsExactly(new RecordingTts.Alignment(2, 20), new RecordingTts.Alignment(7, 40));
        s.pushText("late");
        assertThat(rec.terminals.get()).isEqualTo(1);
    }

    @Test
    void anUnexpectedFailureEndsTheStreamWithAnError() throws Exception {
        RecordingTts rec = new RecordingTts();
        Toy s = new Toy(rec);
        s.pushText("fine");
        s.pushText("boom");
        s.end();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage())
                .isEqualTo("toy: synthesis failed: java.lang.IllegalStateException: unexpected state");
        assertThat(rec.samples()).isEqualTo(40);
        assertThat(rec.terminals.get()).isEqualTo(1);
    }
}
