package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.agent.AgentCatalog;
import dev.switchboard.media.voice.agent.AgentDefinitions;
import dev.switchboard.media.voice.agent.ProviderChains;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SpecialistContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The agents the specialist can run, by name: {@code echo} (repeats each utterance; needs no keys),
 * {@code assistant} (a general voice assistant on the providers the environment's keys allow) and every
 * agent of the {@code *.toml} files in {@code [specialists.media.agents] folder}, which may also
 * redefine {@code assistant}, and the agents an embedding application wrote in Java
 * ({@link MediaSpecialist#withAgents}). The echo agent depends on no configuration, so it starts whatever state
 * the agent files are in. The files and the mode configuration are read again at each
 * {@link #resolve}, so an edit applies to the next start and a bad edit fails that start with
 * {@code file:line:key} while running sessions keep their agents. Thread-safe.
 */
final class AgentLibrary {

    static final String ECHO = "echo";
    static final String ASSISTANT = "assistant";
    static final String ECHO_GREETING = "Hello! I am an echo agent. Say something and I will repeat it.";

    private final SpecialistContext context;
    private final Map<String, Agent> javaAgents;

    AgentLibrary(SpecialistContext context, Map<String, Agent> javaAgents) {
        this.context = context;
        this.javaAgents = Map.copyOf(javaAgents);
    }

    /**
     * The agent named {@code name} with its session providers; {@code greeting} replaces the echo agent's.
     *
     * @throws AgentStartException when the name is unknown, a definition is invalid or a provider is missing
     */
    ResolvedAgent resolve(String name, Optional<String> greeting) {
        Providers builtIn = Providers.builtIn(context.secrets(), context.time());
        if (name.equals(ECHO)) {
            return new ResolvedAgent(Agent.echo(greeting.orElse(ECHO_GREETING)), "tts=espeak", Optional.empty(),
                    Optional.empty(), Optional.of(builtIn.tts("built-in provider espeak", Json.object()
                            .put("type", "espeak"))));
        }
        ObjectNode config = context.config();
        try {
            AgentSettings settings = AgentSettings.from(config, context::locate);
            ConfiguredProviders lookup = new ConfiguredProviders(config, builtIn, context);
            Map<String, Agent> defined = load(settings, lookup);
            Agent agent = Optional.ofNullable(defined.get(name))
                    .or(() -> Optional.of(name).filter(ASSISTANT::equals).map(n -> assistant()))
                    .orElseThrow(() -> unknown(name, defined));
            return withProviders(agent, settings, lookup);
        } catch (ConfigException e) {
            throw new AgentStartException(e.code(), "agent '" + name + "' cannot be started: " + e.getMessage());
        }
    }

    /** The names {@link #resolve} knows now (built-in and Java ones only when the agent files cannot be read). */
    List<String> names() {
        try {
            ObjectNode config = context.config();
            return known(load(AgentSettings.from(config, context::locate), new ConfiguredProviders(config,
                    Providers.builtIn(context.secrets(), context.time()), context)));
        } catch (ConfigException e) {
            return known(javaAgents);
        }
    }

    private ResolvedAgent withProviders(Agent agent, AgentSettings settings, ConfiguredProviders lookup) {
        Optional<SpeechToText> stt = session(settings.stt(), "stt", lookup::stt,
                (names, at) -> ProviderChains.stt(names, at, lookup));
        Optional<LanguageModel> llm = agent.llm().isPresent() ? Optional.empty() : session(settings.llm(), "llm",
                lookup::llm, (names, at) -> ProviderChains.llm(names, at, lookup));
        Optional<TextToSpeech> tts = session(settings.tts(), "tts", lookup::tts,
                (names, at) -> ProviderChains.tts(names, at, lookup));
        String keys = " (set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server";
        if (stt.isEmpty() && agent.stt().isEmpty()) {
            throw missing(agent, "a speech-to-text provider", keys + ", or DEEPGRAM_API_KEY; or name a provider in"
                    + " [specialists.media.agents] stt)");
        }
        if (llm.isEmpty() && agent.llm().isEmpty()) {
            throw missing(agent, "a language model", keys + "; or name one with llm = in the agent or in"
                    + " [specialists.media.agents])");
        }
        if (tts.isEmpty() && agent.tts().isEmpty()) {
            throw missing(agent, "a text-to-speech provider", " (name one in [specialists.media.agents] tts)");
        }
        String used = "stt=" + (agent.stt().isPresent() ? "(the agent's)" : name(settings.stt(), "stt", lookup))
                + " llm="
                + (agent.llm().isPresent() ? "(the agent's)" : name(settings.llm(), "llm", lookup))
                + " tts=" + (agent.tts().isPresent() ? "(the agent's)" : name(settings.tts(), "tts", lookup));
        return new ResolvedAgent(agent, used, stt, llm, tts);
    }

    /**
     * The session's provider of one kind: {@code auto} and {@code none} as the lookup has them, any other name
     * or names built as an agent file's ({@link ProviderChains}: one instance or their fallback chain, a name
     * that is not configured located at the mode's key).
     */
    private <P> Optional<P> session(List<String> names, String kind, Function<String, Optional<P>> single,
                                    BiFunction<List<String>, String, P> chain) {
        return names.equals(List.of("auto")) || names.equals(List.of("none")) ? single.apply(names.getFirst())
                : Optional.of(chain.apply(names, context.locate("agents." + kind)));
    }

    private static String name(List<String> configured, String kind, ConfiguredProviders lookup) {
        return configured.equals(List.of("auto")) ? lookup.auto(kind) : String.join(">", configured);
    }

    /** The agents of the files and the application's Java agents, by name. */
    private Map<String, Agent> load(AgentSettings settings, ConfiguredProviders lookup) {
        Map<String, Agent> agents = new LinkedHashMap<>(javaAgents);
        if (settings.folder().isEmpty()) {
            return agents;
        }
        Path folder = settings.folder().get();
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path file : files(folder)) {
            try {
                AgentCatalog catalog = AgentDefinitions.load(file, lookup, context.secrets());
                catalog.agents().forEach((n, a) -> {
                    Path earlier = from.putIfAbsent(n, file);
                    if (n.equals(ECHO)) {
                        problems.add(new ConfigException.Problem(file + ":agents." + n,
                                "'echo' is the built-in echo agent; choose another name"));
                    } else if (javaAgents.containsKey(n)) {
                        problems.add(new ConfigException.Problem(file + ":agents." + n, "agent '" + n
                                + "' is already defined in Java by the application (MediaSpecialist.withAgents)"));
                    } else if (earlier != null) {
                        problems.add(new ConfigException.Problem(file + ":agents." + n,
                                "agent '" + n + "' is also defined in " + earlier));
                    }
                    agents.putIfAbsent(n, a);
                });
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return agents;
    }

    private List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(context.locate("agents.folder"),
                    "'" + folder + "' is not a folder (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".toml")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(folder.toString(), "cannot list the agents folder: " + e.getMessage());
        }
    }

    private static AgentStartException unknown(String name, Map<String, Agent> defined) {
        return new AgentStartException(FailureCode.NOT_FOUND, "no agent named '" + name + "' (known: "
                + String.join(", ", known(defined)) + ")");
    }

    private static List<String> known(Map<String, Agent> defined) {
        TreeSet<String> names = new TreeSet<>(defined.keySet());
        names.add(ASSISTANT);
        List<String> out = new ArrayList<>(List.of(ECHO));
        out.addAll(names);
        return out;
    }

    private static AgentStartException missing(Agent agent, String what, String hint) {
        return new AgentStartException(FailureCode.UNAVAILABLE, "agent '" + agent.name() + "' needs " + what
                + " and none is configured" + hint);
    }

    /** The built-in general assistant. */
    static Agent assistant() {
        return Agent.builder(ASSISTANT)
                .instructions("You are a friendly voice assistant talking with a person in a LiveKit room. Answer "
                        + "in one to three short spoken sentences, without markdown, lists or emoji.")
                .greeting("Hello! I'm your voice assistant. How can I help?").build();
    }
}
