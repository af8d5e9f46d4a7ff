package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.agent.ProviderChains;
import dev.switchboard.spi.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The mode's {@code [specialists.media.agents]} table: where agent TOML files are and which providers
 * a session uses unless its agent names its own. Immutable.
 *
 * @param folder the folder of {@code *.toml} agent files; relative paths resolve against the working
 *               directory; empty (the default) for the built-in agents only
 * @param stt    the session's speech-to-text provider: one name ({@code auto}, the default, {@code none}, a
 *               built-in or a declared instance) or several instance names, a fallback chain in that order
 * @param llm    the session's language model, likewise
 * @param tts    the session's text-to-speech provider, likewise
 */
record AgentSettings(Optional<Path> folder, List<String> stt, List<String> llm, List<String> tts) {

    private static final List<String> KEYS = List.of("folder", "stt", "llm", "tts");

    /**
     * Reads the table from the specialist's configuration; {@code locate} places errors
     * ({@code SpecialistContext.locate}).
     */
    static AgentSettings from(JsonNode config, UnaryOperator<String> locate) {
        JsonNode t = config.path("agents");
        if (!t.isMissingNode() && !t.isObject()) {
            throw new ConfigException(locate.apply("agents"), "must be a table");
        }
        t.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new ConfigException(locate.apply("agents." + k), "unknown key (allowed: "
                        + String.join(", ", KEYS) + ")");
            }
        });
        return new AgentSettings(Optional.of(text(t, "folder", "", locate)).filter(s -> !s.isBlank()).map(Path::of),
                names(t, "stt", locate), names(t, "llm", locate), names(t, "tts", locate));
    }

    /** The names of {@code key} ({@code stt = "auto"}, {@code stt = ["deepgram", "openai"]}); {@code auto} if unset. */
    private static List<String> names(JsonNode table, String key, UnaryOperator<String> locate) {
        JsonNode n = table.path(key);
        return n.isMissingNode() ? List.of("auto") : ProviderChains.names(n, locate.apply("agents." + key));
    }

    private static String text(JsonNode table, String key, String fallback, UnaryOperator<String> locate) {
        JsonNode n = table.path(key);
        if (n.isMissingNode()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw new ConfigException(locate.apply("agents." + key), "must be a string");
        }
        return n.asText();
    }
}
