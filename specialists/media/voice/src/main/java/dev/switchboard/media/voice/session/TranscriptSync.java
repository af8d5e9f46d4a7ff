package dev.switchboard.media.voice.session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reveals the agent's current speech on {@code lk.transcription} in step with its audio, as LiveKit Agents'
 * synchronized transcription does: every {@link #INTERVAL} while the speech plays, an interim segment with
 * the words played so far ({@link Speech#revealed}), sent only when they grew. The final segment (what
 * was heard) is the session's to send when the speech ends. Not thread-safe (the session's lane owns it).
 */
final class TranscriptSync {

    static final Duration INTERVAL = Duration.ofMillis(200);
    private final Timers timer;
    private final AudioOutput output;
    private final BiConsumer<Speech, String> publish;
    private Optional<Speech> speech = Optional.empty();
    private String shown = "";

    /** {@code publish} sends one interim segment of a speech. */
    TranscriptSync(Lane lane, AudioOutput output, BiConsumer<Speech, String> publish) {
        this.timer = new Timers(lane);
        this.output = output;
        this.publish = publish;
    }

    /** {@code s} became audible: reveal it from its first words. */
    void start(Speech s) {
        speech = Optional.of(s);
        shown = "";
        tick();
    }

    /** {@code s} ended: no more interim segments for it. */
    void stop(Speech s) {
        if (speech.filter(current -> current == s).isPresent()) {
            speech = Optional.empty();
            timer.cancel();
        }
    }

    /** The session closes. */
    void close() {
        speech = Optional.empty();
        timer.cancel();
    }

    private void tick() {
        if (speech.isEmpty()) {
            return;
        }
        Speech s = speech.get();
        String text = s.revealed(output.playedSamples());
        if (text.length() > shown.length()) {
            shown = text;
            publish.accept(s, text);
        }
        timer.arm(INTERVAL, this::tick);
    }
}
