package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.tools.Tool;
import dev.switchboard.media.voice.tools.Tools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Builds an {@link Agent}. Not thread-safe; the agent it builds is immutable. */
public final class AgentBuilder {

    private final String name;
    private String instructions = "";
    private final List<Tool> tools = new ArrayList<>();
    private Optional<String> greeting = Optional.empty();
    private ChatContextMode chatContext = ChatContextMode.CARRY;
    private Optional<SpeechToText> stt = Optional.empty();
    private Optional<LanguageModel> llm = Optional.empty();
    private Optional<TextToSpeech> tts = Optional.empty();
    private Optional<String> voice = Optional.empty();

    AgentBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The system instructions. */
    public AgentBuilder instructions(String value) {
        instructions = Objects.requireNonNull(value, "instructions");
        return this;
    }

    /** Adds tools (for example {@code Tools.from(new MyTools())}). */
    public AgentBuilder tools(List<Tool> value) {
        tools.addAll(value);
        return this;
    }

    /** Adds the {@link dev.switchboard.media.voice.tools.FunctionTool} methods of {@code target}. */
    public AgentBuilder toolsOf(Object target) {
        return tools(Tools.from(target));
    }

    /** Adds a tool {@code transfer_to_<name>} that hands the conversation to the agent {@code target} supplies. */
    public AgentBuilder handoff(String targetName, String description, Supplier<Agent> target) {
        tools.add(Tools.handoff(targetName, description, target));
        return this;
    }

    /** What the agent says when it becomes active. */
    public AgentBuilder greeting(String value) {
        greeting = Optional.of(value).filter(s -> !s.isBlank());
        return this;
    }

    /** Carry the conversation (default) or reset it when this agent takes over. */
    public AgentBuilder chatContext(ChatContextMode value) {
        chatContext = Objects.requireNonNull(value, "chatContext");
        return this;
    }

    /** This agent's speech-to-text. */
    public AgentBuilder stt(SpeechToText value) {
        stt = Optional.of(value);
        return this;
    }

    /** This agent's LLM. */
    public AgentBuilder llm(LanguageModel value) {
        llm = Optional.of(value);
        return this;
    }

    /** This agent's TTS. */
    public AgentBuilder tts(TextToSpeech value) {
        tts = Optional.of(value);
        return this;
    }

    /** This agent's voice. */
    public AgentBuilder voice(String value) {
        voice = Optional.of(value).filter(s -> !s.isBlank());
        return this;
    }

    /**
     * The agent.
     *
     * @throws IllegalArgumentException if the name is blank or two tools share a name
     */
    public Agent build() {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Set<String> names = new HashSet<>();
        for (Tool t : tools) {
            if (!names.add(t.spec().name())) {
                throw new IllegalArgumentException("agent '" + name + "': duplicate tool '" + t.spec().name() + "'");
            }
        }
        return new BuiltAgent(name, instructions, List.copyOf(tools), greeting, chatContext, stt, llm, tts,
                voice);
    }

    private record BuiltAgent(String name, String instructions, List<Tool> tools, Optional<String> greeting,
                              ChatContextMode chatContext, Optional<SpeechToText> stt, Optional<LanguageModel> llm,
                              Optional<TextToSpeech> tts, Optional<String> voice) implements Agent {
    }
}
