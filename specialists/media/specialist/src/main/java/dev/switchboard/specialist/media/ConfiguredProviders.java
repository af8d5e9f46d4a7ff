package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.agent.ProviderLookup;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Provider instances by name for agent TOML ({@code llm = "groq"}) and for sessions: the mode's
 * {@code [specialists.media.providers.<name>]} tables ({@code kind = "llm" | "stt" | "tts"}, {@code type},
 * then the provider's options in kebab-case, keys as references such as {@code "${GROQ_API_KEY}"}), then
 * the built-in instances the environment allows: {@code openai} (LLM, STT, TTS; with
 * {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL}), {@code deepgram} ({@code DEEPGRAM_API_KEY}),
 * {@code elevenlabs} ({@code ELEVEN_API_KEY}) and {@code espeak} (always). {@code auto} picks the best
 * available one of a kind, {@code none} none. Instances are built on first use and kept. Thread-safe.
 */
final class ConfiguredProviders implements ProviderLookup {

    private static final String AT = "specialists.media.providers";

    private final JsonNode declared;
    private final Providers providers;
    private final Secrets secrets;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    ConfiguredProviders(JsonNode config, Providers providers, Secrets secrets) {
        this.declared = config.path("providers");
        this.providers = providers;
        this.secrets = secrets;
        if (!declared.isMissingNode() && !declared.isObject()) {
            throw new ConfigException(AT, "must be a table of [" + AT + ".<name>] tables");
        }
    }

    @Override
    public Optional<LanguageModel> llm(String name) {
        return instance("llm", name.equals("auto") ? autoLlm() : name, LanguageModel.class, providers::llm);
    }

    @Override
    public Optional<SpeechToText> stt(String name) {
        return instance("stt", name.equals("auto") ? autoStt() : name, SpeechToText.class, providers::stt);
    }

    @Override
    public Optional<TextToSpeech> tts(String name) {
        return instance("tts", name.equals("auto") ? autoTts() : name, TextToSpeech.class, providers::tts);
    }

    /** The instance {@code auto} means for {@code kind} ({@code none} when nothing is available). */
    String auto(String kind) {
        return switch (kind) {
            case "llm" -> autoLlm();
            case "stt" -> autoStt();
            default -> autoTts();
        };
    }

    private String autoLlm() {
        return openAi() ? "openai" : "none";
    }

    private String autoStt() {
        return has("DEEPGRAM_API_KEY") ? "deepgram" : openAi() ? "openai" : "none";
    }

    private String autoTts() {
        if (has("ELEVEN_API_KEY")) {
            return "elevenlabs";
        }
        return has("OPENAI_API_KEY") && !has("OPENAI_BASE_URL") ? "openai" : "espeak";
    }

    private <P> Optional<P> instance(String kind, String name, Class<P> type, BiFunction<String, JsonNode, P> build) {
        if (name.equals("none")) {
            return Optional.empty();
        }
        JsonNode table = declared.get(name);
        Optional<JsonNode> config = table != null ? declaredTable(name, table, kind) : builtIn(kind, name);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        String location = table != null ? AT + "." + name : "built-in provider " + name;
        Object instance = built.computeIfAbsent(kind + ":" + name, k -> buildLocated(location, config.get(), build));
        return Optional.of(type.cast(instance));
    }

    private Optional<JsonNode> declaredTable(String name, JsonNode table, String kind) {
        if (!table.isObject()) {
            throw new ConfigException(AT + "." + name, "must be a table");
        }
        String k = table.path("kind").asText("");
        if (!List.of("llm", "stt", "tts").contains(k)) {
            throw new ConfigException(AT + "." + name + ".kind", "is required: \"llm\", \"stt\" or \"tts\"");
        }
        if (!k.equals(kind)) {
            return Optional.empty();
        }
        ObjectNode options = Json.object().put("name", name);
        table.properties().forEach(e -> {
            if (!e.getKey().equals("kind")) {
                options.set(e.getKey().replace('-', '_'), e.getValue());
            }
        });
        return Optional.of(options);
    }

    private Optional<JsonNode> builtIn(String kind, String name) {
        ObjectNode t = Json.object().put("type", name);
        switch (kind + ":" + name) {
            case "llm:openai", "stt:openai", "tts:openai" -> {
                if (!openAi()) {
                    return Optional.empty();
                }
                if (has("OPENAI_API_KEY")) {
                    t.put("api_key", "${OPENAI_API_KEY}");
                }
                env("OPENAI_BASE_URL").ifPresent(url -> t.put("base_url", url));
                if (kind.equals("llm")) {
                    t.put("model", env("OPENAI_MODEL").orElse("gpt-4o-mini"));
                }
            }
            case "stt:deepgram" -> {
                if (!has("DEEPGRAM_API_KEY")) {
                    return Optional.empty();
                }
                t.put("api_key", "${DEEPGRAM_API_KEY}");
            }
            case "tts:elevenlabs" -> {
                if (!has("ELEVEN_API_KEY")) {
                    return Optional.empty();
                }
                t.put("api_key", "${ELEVEN_API_KEY}");
            }
            case "tts:espeak" -> {
                return Optional.of(t);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    /** Builds, reporting option keys as the mode spells them (kebab-case). */
    private static <P> P buildLocated(String location, JsonNode config, BiFunction<String, JsonNode, P> build) {
        try {
            return build.apply(location, config);
        } catch (ConfigException e) {
            List<ConfigException.Problem> out = new ArrayList<>();
            for (ConfigException.Problem p : e.problems()) {
                String loc = p.location();
                out.add(new ConfigException.Problem(loc.startsWith(location + ".")
                        ? location + loc.substring(location.length()).replace('_', '-') : loc, p.message()));
            }
            throw new ConfigException(out);
        }
    }

    private boolean openAi() {
        return has("OPENAI_API_KEY") || has("OPENAI_BASE_URL");
    }

    private boolean has(String variable) {
        return secrets.find("${" + variable + "}").isPresent();
    }

    private Optional<String> env(String variable) {
        return secrets.find("${" + variable + "}").map(Secret::reveal);
    }
}
