package dev.switchboard.media.voice.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.FallbackLanguageModel;
import dev.switchboard.media.voice.provider.FallbackSpeechToText;
import dev.switchboard.media.voice.provider.FallbackTextToSpeech;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A provider setting as agent files and the media specialist's session defaults write it: one instance name
 * ({@code llm = "groq"}) or an array of names, a fallback chain tried in order ({@code llm = ["groq", "openai"]},
 * named {@code groq>openai}, with the lookup's {@link ProviderLookup#fallback() breakers} and
 * {@link ProviderLookup#time() clock}). {@code "auto"} and {@code "none"} stand alone: inside an array they
 * are an error. Every error is located at the setting's {@code location} ({@code file:line:key}), except a
 * declared instance's own, which keep the location the lookup gave them. Thread-safe (stateless).
 */
public final class ProviderChains {

    private static final List<String> ALONE = List.of("auto", "none");

    private ProviderChains() {
    }

    /**
     * The names {@code value} lists: a string is one name, an array a chain of distinct names.
     *
     * @throws ConfigException at {@code location} when {@code value} is neither, or an array holds
     *                         {@code "auto"} or {@code "none"}
     */
    public static List<String> names(JsonNode value, String location) {
        List<String> names = new ArrayList<>();
        if (value.isTextual()) {
            names.add(value.asText());
        } else if (value.isArray() && !value.isEmpty()) {
            value.forEach(item -> names.add(item.isTextual() ? item.asText() : ""));
        }
        if (names.isEmpty() || names.contains("")) {
            throw new ConfigException(location, "must be a provider name or a non-empty array of names"
                    + " (a fallback chain), was " + value);
        }
        if (new LinkedHashSet<>(names).size() < names.size()) {
            throw new ConfigException(location, "a fallback chain names each provider once, was " + value);
        }
        if (value.isArray() && names.stream().anyMatch(ALONE::contains)) {
            throw new ConfigException(location, "\"auto\" and \"none\" stand alone; a fallback chain names"
                    + " provider instances, was " + value);
        }
        return List.copyOf(names);
    }

    /** The speech-to-text {@code names} mean: the one instance, or their chain. */
    public static SpeechToText stt(List<String> names, String location, ProviderLookup lookup) {
        return resolve(names, location, "STT", lookup::stt, (n, list) -> FallbackSpeechToText.of(n, list,
                lookup.fallback(), lookup.time()));
    }

    /** The language model {@code names} mean: the one instance, or their chain. */
    public static LanguageModel llm(List<String> names, String location, ProviderLookup lookup) {
        return resolve(names, location, "LLM", lookup::llm, (n, list) -> FallbackLanguageModel.of(n, list,
                lookup.fallback(), lookup.time()));
    }

    /** The text-to-speech provider {@code names} mean: the one instance, or their chain. */
    public static TextToSpeech tts(List<String> names, String location, ProviderLookup lookup) {
        return resolve(names, location, "TTS", lookup::tts, (n, list) -> FallbackTextToSpeech.of(n, list,
                lookup.fallback(), lookup.time()));
    }

    /**
     * Looks every name up; one found is that provider, several are chained as {@code a>b}.
     *
     * @throws ConfigException listing every name not configured (at {@code location}) and every problem of the
     *                         instances' own configuration
     */
    private static <P> P resolve(List<String> names, String location, String what,
                                 Function<String, Optional<P>> lookup, BiFunction<String, List<P>, P> chain) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no provider names");
        }
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<P> found = new ArrayList<>();
        for (String name : names) {
            try {
                lookup.apply(name).ifPresentOrElse(found::add, () -> problems.add(new ConfigException.Problem(
                        location, "no " + what + " provider named '" + name + "' is configured")));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return found.size() == 1 ? found.getFirst() : chain.apply(String.join(">", names), found);
    }
}
