package dev.switchboard.media.voice.agent;

import java.util.Objects;

/** How an agent answers a user turn ({@link Agent#onUserTurn}). Immutable. */
public sealed interface Reply {

    /** Run the LLM on the conversation (with the agent's tools) and speak its answer. */
    record Generate() implements Reply {
    }

    /** Speak fixed text through the TTS. */
    record Say(String text) implements Reply {
        /** Validates the text. */
        public Say {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Play audio as is (16-bit mono at {@code sampleRate}); {@code text} is what the history records. */
    record Play(short[] pcm, int sampleRate, String text) implements Reply {
        /** Validates the fields. */
        public Play {
            Objects.requireNonNull(pcm, "pcm");
            Objects.requireNonNull(text, "text");
            if (sampleRate < 8_000 || sampleRate > 48_000) {
                throw new IllegalArgumentException("sampleRate must be 8000..48000, was " + sampleRate);
            }
        }
    }

    /** Say nothing. */
    record Silence() implements Reply {
    }

    /** The default: generate with the LLM. */
    static Reply generate() {
        return new Generate();
    }
}
