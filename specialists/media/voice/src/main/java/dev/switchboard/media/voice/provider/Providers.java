package dev.switchboard.media.voice.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.deepgram.DeepgramSttFactory;
import dev.switchboard.media.voice.provider.elevenlabs.ElevenLabsTtsFactory;
import dev.switchboard.media.voice.provider.espeak.EspeakTtsFactory;
import dev.switchboard.media.voice.provider.openai.OpenAiLlmFactory;
import dev.switchboard.media.voice.provider.openai.OpenAiSttFactory;
import dev.switchboard.media.voice.provider.openai.OpenAiTtsFactory;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmFactory;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttFactory;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsFactory;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.TimeSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Builds providers from an agent's provider tables. A table such as
 * {@code [agents.support.llm] type = "openai", model = "gpt-4o-mini", api_key = "${OPENAI_API_KEY}"}
 * (as JSON: the TOML table converted as is, references not yet resolved) builds one provider with
 * the factory of that {@code type}; an array of tables builds a fallback chain in that order. An
 * optional {@code name} key names the instance (default: its type) in errors and metrics. Every
 * configuration error is a {@link dev.switchboard.spi.ConfigException} located at
 * {@code <location>.<key>} or {@code <location>[i].<key>}, where {@code location} is what the caller
 * passes (e.g. {@code agents.toml:12:agents.support.llm}). Factories come from PF4J
 * ({@code pluginManager.getExtensions(LlmFactory.class)}), from {@link ServiceLoader}, or are the
 * built-in ones. Immutable, thread-safe.
 */
public final class Providers {

    private final ProviderKind<LlmFactory, LanguageModel> llm;
    private final ProviderKind<SttFactory, SpeechToText> stt;
    private final ProviderKind<TtsFactory, TextToSpeech> tts;
    private final Secrets secrets;
    private final TimeSource time;
    private final FallbackOptions fallback;

    private Providers(Collection<? extends SttFactory> sttFactories, Collection<? extends LlmFactory> llmFactories,
            Collection<? extends TtsFactory> ttsFactories, Secrets secrets, TimeSource time, FallbackOptions fallback) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.time = Objects.requireNonNull(time, "time");
        this.fallback = fallback;
        this.llm = new ProviderKind<>("language model", llmFactories, LlmFactory::type, LlmFactory::create,
                (n, list) -> FallbackLanguageModel.of(n, list, fallback, time));
        this.stt = new ProviderKind<>("speech-to-text", sttFactories, SttFactory::type, SttFactory::create,
                (n, list) -> FallbackSpeechToText.of(n, list, fallback, time));
        this.tts = new ProviderKind<>("text-to-speech", ttsFactories, TtsFactory::type, TtsFactory::create,
                (n, list) -> FallbackTextToSpeech.of(n, list, fallback, time));
    }

    /** A registry over these factories (e.g. PF4J extensions plus the built-ins). */
    public static Providers of(Collection<? extends SttFactory> stt, Collection<? extends LlmFactory> llm,
            Collection<? extends TtsFactory> tts, Secrets secrets, TimeSource time) {
        return new Providers(stt, llm, tts, secrets, time, FallbackOptions.defaults());
    }

    /** A registry over the built-in providers: openai (LLM, STT, TTS), deepgram (STT), elevenlabs and espeak (TTS). */
    public static Providers builtIn(Secrets secrets, TimeSource time) {
        return of(builtInStt(), builtInLlm(), builtInTts(), secrets, time);
    }

    /** A registry over the factories {@link ServiceLoader} finds through {@code loader}. */
    public static Providers serviceLoader(ClassLoader loader, Secrets secrets, TimeSource time) {
        return of(ServiceLoader.load(SttFactory.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                ServiceLoader.load(LlmFactory.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                ServiceLoader.load(TtsFactory.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                secrets, time);
    }

    /** The built-in speech-to-text factories. */
    public static List<SttFactory> builtInStt() {
        return List.of(new OpenAiSttFactory(), new DeepgramSttFactory());
    }

    /** The built-in language-model factories. */
    public static List<LlmFactory> builtInLlm() {
        return List.of(new OpenAiLlmFactory());
    }

    /** The built-in text-to-speech factories. */
    public static List<TtsFactory> builtInTts() {
        return List.of(new OpenAiTtsFactory(), new ElevenLabsTtsFactory(), new EspeakTtsFactory());
    }

    /** The same registry with other circuit-breaker settings for fallback chains. */
    public Providers withFallback(FallbackOptions options) {
        return new Providers(stt.factories(), llm.factories(), tts.factories(), secrets, time,
                Objects.requireNonNull(options, "options"));
    }

    /** Builds the language model (or fallback chain) configured at {@code location}. */
    public LanguageModel llm(String location, JsonNode config) {
        return llm.build(location, config, secrets, time);
    }

    /** Builds the speech-to-text provider (or fallback chain) configured at {@code location}. */
    public SpeechToText stt(String location, JsonNode config) {
        return stt.build(location, config, secrets, time);
    }

    /** Builds the text-to-speech provider (or fallback chain) configured at {@code location}. */
    public TextToSpeech tts(String location, JsonNode config) {
        return tts.build(location, config, secrets, time);
    }

    /** The language-model types this registry knows. */
    public Set<String> llmTypes() {
        return llm.types();
    }

    /** The speech-to-text types this registry knows. */
    public Set<String> sttTypes() {
        return stt.types();
    }

    /** The text-to-speech types this registry knows. */
    public Set<String> ttsTypes() {
        return tts.types();
    }

    /** The circuit-breaker settings fallback chains get. */
    public FallbackOptions fallback() {
        return fallback;
    }
}
