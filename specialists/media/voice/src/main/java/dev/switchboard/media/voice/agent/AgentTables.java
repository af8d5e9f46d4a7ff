package dev.switchboard.media.voice.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.tools.Tool;
import dev.switchboard.spi.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads one {@code [agents.<name>]} table into an {@link Agent}. Not thread-safe (one load). */
final class AgentTables {

    private static final List<String> KEYS = List.of("instructions", "greeting", "stt", "llm", "tts", "voice",
            "chat-context", "tools", "handoffs");
    private final AgentDefinitions.Problems problems;
    private final ProviderLookup providers;
    private final Map<String, Tool> webhooks;
    private final Set<String> declaredTools;
    private final Function<String, Agent> built;

    AgentTables(AgentDefinitions.Problems problems, ProviderLookup providers, Map<String, Tool> webhooks,
                Set<String> declaredTools, Function<String, Agent> built) {
        this.declaredTools = declaredTools;
        this.problems = problems;
        this.providers = providers;
        this.webhooks = webhooks;
        this.built = built;
    }

    Optional<Agent> read(String name, JsonNode t, Set<String> allAgents) {
        String path = "agents." + name;
        int before = problemCount();
        problems.onlyKeys(t, path, KEYS);
        if (!name.matches("[a-zA-Z0-9_-]{1,52}")) {
            problems.add(path, "agent names must match [a-zA-Z0-9_-]{1,52}");
        }
        AgentBuilder b = Agent.builder(name);
        problems.string(t, path, "instructions").ifPresent(b::instructions);
        problems.string(t, path, "greeting").ifPresent(b::greeting);
        problems.string(t, path, "voice").ifPresent(b::voice);
        provider(t, path + ".stt", (names, at) -> ProviderChains.stt(names, at, providers), b::stt);
        provider(t, path + ".llm", (names, at) -> ProviderChains.llm(names, at, providers), b::llm);
        provider(t, path + ".tts", (names, at) -> ProviderChains.tts(names, at, providers), b::tts);
        problems.string(t, path, "chat-context").ifPresent(mode -> {
            switch (mode) {
                case "carry" -> b.chatContext(ChatContextMode.CARRY);
                case "reset" -> b.chatContext(ChatContextMode.RESET);
                default -> problems.add(path + ".chat-context", "must be \"carry\" or \"reset\", was \"" + mode + "\"");
            }
        });
        for (String tool : problems.strings(t, path, "tools")) {
            Tool w = webhooks.get(tool);
            if (w == null && declaredTools.contains(tool)) {
                continue;
            }
            if (w == null) {
                problems.add(path + ".tools", "no tool named '" + tool + "' (declare it as [tools." + tool + "])");
            } else {
                b.tools(List.of(w));
            }
        }
        for (String target : problems.strings(t, path, "handoffs")) {
            if (!allAgents.contains(target)) {
                problems.add(path + ".handoffs", "no agent named '" + target + "' to hand off to");
            } else if (target.equals(name)) {
                problems.add(path + ".handoffs", "an agent cannot hand off to itself");
            } else {
                b.handoff(target, "", () -> built.apply(target));
            }
        }
        if (problemCount() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads {@code key = "name"} (one provider instance) or {@code key = ["a", "b"]} (a fallback chain
     * {@code a>b}, tried in order; {@link ProviderChains}) and hands the provider to {@code set}. Errors of a
     * declared provider's own table keep their location (the mode file's); the others are located at the key.
     */
    private <P> void provider(JsonNode t, String keyPath, BiFunction<List<String>, String, P> resolve,
                              Consumer<P> set) {
        JsonNode n = t.get(keyPath.substring(keyPath.lastIndexOf('.') + 1));
        if (n == null) {
            return;
        }
        String at = problems.locate(keyPath);
        try {
            set.accept(resolve.apply(ProviderChains.names(n, at), at));
        } catch (ConfigException e) {
            e.problems().forEach(problems::add);
        }
    }

    private int problemCount() {
        try {
            problems.throwIfAny();
            return 0;
        } catch (dev.switchboard.spi.ConfigException e) {
            return e.problems().size();
        }
    }
}
