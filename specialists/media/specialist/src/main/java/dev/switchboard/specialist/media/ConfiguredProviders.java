package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.agent.ProviderLookup;
import dev.switchboard.media.voice.provider.FallbackOptions;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Provider instances by name for agent TOML ({@code llm = "groq"}) and for sessions: the mode's
 * {@code [specialists.media.providers.<name>]} tables ({@code kind = "llm" | "stt" | "tts"}, {@code type},
 * then the provider's options in kebab-case, keys as references such as {@code "${GROQ_API_KEY}"}), then
 * the built-in instances the environment allows: {@code openai} (LLM, STT, TTS; with
 * {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL}), {@code deepgram} ({@code DEEPGRAM_API_KEY}),
 * {@code elevenlabs} ({@code ELEVEN_API_KEY}) and {@code espeak} (always). {@code auto} picks the best
 * available one of a kind, {@code none} none. Instances are built on first use and kept. Errors in a
 * declared table are located where the mode file says it, {@code modes/x.toml:12:specialists.media.providers.
 * groq.api-key}, with the option keys spelled as the mode spells them. Thread-safe.
 */
final class ConfiguredProviders implements ProviderLookup {

    private static final String AT = "specialists.media.providers";
    private static final List<String> KINDS = List.of("llm", "stt", "tts");
    private static final Map<String, String> KIND_NAMES = Map.of("llm", "language-model", "stt", "speech-to-text",
            "tts", "text-to-speech");

    private final JsonNode declared;
    private final Providers providers;
    private final Secrets secrets;
    private final UnaryOperator<String> locate;
    private final TimeSource time;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    /**
     * The providers of the media specialist's {@code config} (as read from {@code context} once), with errors
     * located by {@link SpecialistContext#locate}, secrets and time from {@code context}.
     */
    ConfiguredProviders(JsonNode config, Providers providers, SpecialistContext context) {
        this.declared = config.path("providers");
        this.providers = providers;
        this.secrets = context.secrets();
        this.locate = context::locate;
        this.time = context.time();
        if (!declared.isMissingNode() && !declared.isObject()) {
            throw new ConfigException(locate.apply("providers"), "must be a table of [" + AT + ".<name>] tables");
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

    @Override
    public FallbackOptions fallback() {
        return providers.fallback();
    }

    @Override
    public TimeSource time() {
        return time;
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
        Object instance = built.computeIfAbsent(kind + ":" + name, k -> table != null
                ? buildLocated(name, config.get(), build) : build.apply("built-in provider " + name, config.get()));
        return Optional.of(type.cast(instance));
    }

    private Optional<JsonNode> declaredTable(String name, JsonNode table, String kind) {
        String at = "providers." + name;
        if (!table.isObject()) {
            throw new ConfigException(locate.apply(at), "must be a table");
        }
        JsonNode k = table.path("kind");
        if (k.isMissingNode()) {
            throw new ConfigException(locate.apply(at + ".kind"), "is required: \"llm\", \"stt\" or \"tts\"");
        }
        if (!KINDS.contains(k.asText()) || !k.isTextual()) {
            throw new ConfigException(locate.apply(at + ".kind"), "must be \"llm\", \"stt\" or \"tts\", was " + k);
        }
        if (!k.asText().equals(kind)) {
            throw new ConfigException(locate.apply(at + ".kind"), "'" + name + "' is a " + KIND_NAMES.get(k.asText())
                    + " provider; it was named where a " + KIND_NAMES.get(kind) + " provider is needed");
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

    /** Builds the declared {@code name}, locating errors at the mode's keys, spelled as the mode does (kebab-case). */
    private <P> P buildLocated(String name, JsonNode config, BiFunction<String, JsonNode, P> build) {
        String at = "providers." + name;
        String marker = AT + "." + name;
        try {
            return build.apply(marker, config);
        } catch (ConfigException e) {
            List<ConfigException.Problem> out = new ArrayList<>();
            for (ConfigException.Problem p : e.problems()) {
                String loc = p.location();
                String message = p.message().startsWith("unknown option (known: ")
                        ? p.message().replace('_', '-') : p.message();
                if (loc.equals(marker) || loc.startsWith(marker + ".") || loc.startsWith(marker + " ")) {
                    String rest = loc.substring(marker.length());
                    int space = rest.indexOf(' ');
                    String key = space < 0 ? rest : rest.substring(0, space);
                    String note = space < 0 ? "" : rest.substring(space);
                    out.add(new ConfigException.Problem(locate.apply(at + key.replace('_', '-')) + note, message));
                } else {
                    out.add(new ConfigException.Problem(loc, message));
                }
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
