package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.tools.Tool;
import java.util.List;
import java.util.Optional;

/**
 * Repeats the user's audio after each turn, says typed text ({@code lk.chat}) through the TTS, and greets
 * through the TTS. Immutable, thread-safe.
 */
record EchoAgent(String greetingText) implements Agent {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String instructions() {
        return "";
    }

    @Override
    public List<Tool> tools() {
        return List.of();
    }

    @Override
    public Optional<String> greeting() {
        return greetingText.isBlank() ? Optional.empty() : Optional.of(greetingText);
    }

    @Override
    public Reply onUserTurn(UserTurn turn) {
        if (turn.audio().length == 0) {
            return turn.text().isBlank() ? new Reply.Silence() : new Reply.Say(turn.text());
        }
        return new Reply.Play(turn.audio(), UserTurn.SAMPLE_RATE, turn.text().isEmpty() ? "(echo)" : turn.text());
    }
}
