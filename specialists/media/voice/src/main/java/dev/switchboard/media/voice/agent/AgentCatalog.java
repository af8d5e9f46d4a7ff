package dev.switchboard.media.voice.agent;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agents of one TOML file, by name, and the one a session starts with. Immutable.
 *
 * @param agents       every agent, by name
 * @param defaultAgent the name of the starting agent ({@code default = "..."}, else the only or first one)
 */
public record AgentCatalog(Map<String, Agent> agents, String defaultAgent) {
    /** Copies the map and checks the default exists. */
    public AgentCatalog {
        agents = Map.copyOf(agents);
        Objects.requireNonNull(defaultAgent, "defaultAgent");
        if (!agents.containsKey(defaultAgent)) {
            throw new IllegalArgumentException("defaultAgent '" + defaultAgent + "' is not among " + agents.keySet());
        }
    }

    /** The agent named {@code name}. */
    public Optional<Agent> agent(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    /** The starting agent. */
    public Agent start() {
        return agents.get(defaultAgent);
    }
}
