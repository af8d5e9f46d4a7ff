package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.tools.Tool;
import java.util.List;
import java.util.Optional;

/**
 * One agent: instructions, tools, optional model and voice overrides, and hooks. The session runs one
 * agent at a time; a tool returning another agent hands the conversation over. Build one with
 * {@link #builder(String)} or load it from TOML; implement this interface
 * to override {@link #onEnter} or {@link #onUserTurn}. Implementations must be thread-safe
 * (immutable is easiest).
 */
public interface Agent {

    /** The agent's name (reports, handoff tools, loop detection). */
    String name();

    /** The system instructions for the LLM ("" for none). */
    String instructions();

    /** Tools offered to the LLM while this agent is active. */
    List<Tool> tools();

    /** What the agent says when it becomes active, if anything. */
    Optional<String> greeting();

    /** Whether the agent sees the conversation so far (default) or starts fresh. */
    default ChatContextMode chatContext() {
        return ChatContextMode.CARRY;
    }

    /**
     * This agent's speech-to-text instead of the session's. On a handoff the session switches its STT
     * stream only when the new agent's STT (its own, else the session's) is a different instance.
     */
    default Optional<SpeechToText> stt() {
        return Optional.empty();
    }

    /** This agent's LLM instead of the session's. */
    default Optional<LanguageModel> llm() {
        return Optional.empty();
    }

    /** This agent's TTS instead of the session's. */
    default Optional<TextToSpeech> tts() {
        return Optional.empty();
    }

    /** This agent's voice instead of the session's TTS voice. */
    default Optional<String> voice() {
        return Optional.empty();
    }

    /** Runs when the agent becomes active; the default speaks the greeting. */
    default void onEnter(AgentContext context) {
        greeting().ifPresent(context::say);
    }

    /** Decides how to answer a completed user turn; the default asks the LLM. */
    default Reply onUserTurn(UserTurn turn) {
        return Reply.generate();
    }

    /** A builder for an agent named {@code name}. */
    static AgentBuilder builder(String name) {
        return new AgentBuilder(name);
    }

    /**
     * The echo agent: repeats each utterance (the user's own audio) after endpointing, and greets
     * with {@code greeting} through the TTS when the session has one. Needs no STT or LLM.
     */
    static Agent echo(String greeting) {
        return new EchoAgent(greeting);
    }
}
