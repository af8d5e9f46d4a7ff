package dev.switchboard.specialist.media;

import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import java.util.Optional;

/**
 * An agent ready to run and the session-wide providers it runs on (the agent's own {@code stt}, {@code llm}
 * and {@code tts} override these). Immutable.
 *
 * @param agent     the starting agent
 * @param providers what the session's providers are, for logs: {@code stt=deepgram llm=openai tts=espeak}
 * @param stt       the session's speech-to-text (empty for the echo agent, or when none is configured and the
 *                  agent has its own)
 * @param llm       the session's language model (empty for echo, or when the agent has its own)
 * @param tts       the session's text-to-speech
 */
record ResolvedAgent(Agent agent, String providers, Optional<SpeechToText> stt, Optional<LanguageModel> llm,
                     Optional<TextToSpeech> tts) {
}
