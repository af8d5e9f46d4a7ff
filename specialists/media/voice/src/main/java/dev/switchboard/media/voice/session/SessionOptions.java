package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.spi.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session runs on: the VAD (required) and optional STT, LLM and TTS providers, turn handling,
 * clock, metrics registry and report directory. Immutable; build with {@link #builder(Vad)}.
 *
 * @param vad                 the voice activity detector (shared per process)
 * @param vadOptions          its options (default {@link VadOptions#defaults()})
 * @param stt                 speech-to-text; empty for audio-only agents (echo)
 * @param sttOptions          default English at 16 kHz
 * @param llm                 the default language model; agents may override it
 * @param tts                 the default text-to-speech; agents may override it
 * @param ttsOptions          default voice, English, speed 1
 * @param turnHandling        default {@link TurnHandling#defaults()}
 * @param turnDetector        default {@link TurnDetector#vadOnly()}
 * @param time                default the system clock
 * @param meters              where per-turn timers go (default a private simple registry)
 * @param reportDirectory     where {@code <sessionId>.json} is written at close; empty for none
 * @param participantIdentity whom to listen to; empty for the first person (kind standard or SIP, never another
 *                            agent) whose audio or typed text arrives
 * @param fallbackLine        what the agent says when every provider failed (never dead air)
 * @param userData            the application's per-session state, reachable from tools
 * @param textInput           whether text the user sends on topic {@code lk.chat} is a turn (default true):
 *                            it interrupts the agent and is answered like speech
 * @param syncTranscription   whether the agent's interim transcription reveals its words as they are played
 *                            (default true, as LiveKit Agents); false sends the whole text when it starts
 * @param userReturnTimeout   how long a user whose connection was lost (not one who left) may take to join the
 *                            room again before the session ends (default 20 s, LiveKit's departure timeout;
 *                            zero ends it at once)
 */
public record SessionOptions(Vad vad, VadOptions vadOptions, Optional<SpeechToText> stt, SttOptions sttOptions,
                             Optional<LanguageModel> llm, Optional<TextToSpeech> tts, TtsOptions ttsOptions,
                             TurnHandling turnHandling, TurnDetector turnDetector, TimeSource time,
                             MeterRegistry meters, Optional<Path> reportDirectory, Optional<String> participantIdentity,
                             String fallbackLine, Object userData, boolean textInput,
                             boolean syncTranscription, Duration userReturnTimeout) {

    /** Validates that nothing is missing. */
    public SessionOptions {
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(vadOptions, "vadOptions");
        Objects.requireNonNull(stt, "stt");
        Objects.requireNonNull(sttOptions, "sttOptions");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(tts, "tts");
        Objects.requireNonNull(ttsOptions, "ttsOptions");
        Objects.requireNonNull(turnHandling, "turnHandling");
        Objects.requireNonNull(turnDetector, "turnDetector");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(participantIdentity, "participantIdentity");
        Objects.requireNonNull(fallbackLine, "fallbackLine");
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(userReturnTimeout, "userReturnTimeout");
        if (userReturnTimeout.isNegative()) {
            throw new IllegalArgumentException("userReturnTimeout must not be negative, got " + userReturnTimeout);
        }
        if (fallbackLine.isBlank()) {
            throw new IllegalArgumentException("fallbackLine must not be blank (the agent must never go silent)");
        }
        if (vad.sampleRate() != sttOptions.sampleRate()) {
            throw new IllegalArgumentException("sttOptions.sampleRate (" + sttOptions.sampleRate()
                    + ") must equal the VAD's rate (" + vad.sampleRate() + ")");
        }
    }

    /** A builder with every default, around {@code vad}. */
    public static Builder builder(Vad vad) {
        return new Builder(vad);
    }

    /** Builds {@link SessionOptions}. Not thread-safe. */
    public static final class Builder {
        private final Vad vad;
        private VadOptions vadOptions = VadOptions.defaults();
        private Optional<SpeechToText> stt = Optional.empty();
        private SttOptions sttOptions = SttOptions.defaults();
        private Optional<LanguageModel> llm = Optional.empty();
        private Optional<TextToSpeech> tts = Optional.empty();
        private TtsOptions ttsOptions = TtsOptions.defaults();
        private TurnHandling turnHandling = TurnHandling.defaults();
        private TurnDetector turnDetector = TurnDetector.vadOnly();
        private TimeSource time = TimeSource.system();
        private MeterRegistry meters = new SimpleMeterRegistry();
        private Optional<Path> reportDirectory = Optional.empty();
        private Optional<String> participantIdentity = Optional.empty();
        private String fallbackLine = "Sorry, I can't answer right now. Please try again in a moment.";
        private Object userData = new Object();
        private boolean textInput = true;
        private Duration userReturnTimeout = Duration.ofSeconds(20);
        private boolean syncTranscription = true;

        private Builder(Vad vad) {
            this.vad = vad;
        }

        /** VAD options. */
        public Builder vadOptions(VadOptions value) {
            vadOptions = value;
            return this;
        }

        /** The speech-to-text provider. */
        public Builder stt(SpeechToText value) {
            stt = Optional.of(value);
            return this;
        }

        /** STT stream options. */
        public Builder sttOptions(SttOptions value) {
            sttOptions = value;
            return this;
        }

        /** The default language model. */
        public Builder llm(LanguageModel value) {
            llm = Optional.of(value);
            return this;
        }

        /** The default text-to-speech provider. */
        public Builder tts(TextToSpeech value) {
            tts = Optional.of(value);
            return this;
        }

        /** TTS stream options (voice, language, speed). */
        public Builder ttsOptions(TtsOptions value) {
            ttsOptions = value;
            return this;
        }

        /** Turn handling. */
        public Builder turnHandling(TurnHandling value) {
            turnHandling = value;
            return this;
        }

        /** A model-based end-of-turn detector. */
        public Builder turnDetector(TurnDetector value) {
            turnDetector = value;
            return this;
        }

        /** The clock. */
        public Builder time(TimeSource value) {
            time = value;
            return this;
        }

        /** The Micrometer registry for per-turn timers. */
        public Builder meters(MeterRegistry value) {
            meters = value;
            return this;
        }

        /** Writes the report JSON into {@code value} at close. */
        public Builder reportDirectory(Path value) {
            reportDirectory = Optional.of(value);
            return this;
        }

        /** Listens only to this participant. */
        public Builder participantIdentity(String value) {
            participantIdentity = Optional.of(value);
            return this;
        }

        /** The line spoken when every provider failed. */
        public Builder fallbackLine(String value) {
            fallbackLine = value;
            return this;
        }

        /** The application's per-session state. */
        public Builder userData(Object value) {
            userData = value;
            return this;
        }

        /** Whether text on topic {@code lk.chat} from the user is a turn (default true). */
        public Builder textInput(boolean value) {
            textInput = value;
            return this;
        }

        /** Whether the agent's words are revealed on {@code lk.transcription} as they are played (default true). */
        public Builder syncTranscription(boolean value) {
            syncTranscription = value;
            return this;
        }

        /** How long a user who was lost (not one who left) may take to come back (default 20 s). */
        public Builder userReturnTimeout(Duration value) {
            userReturnTimeout = value;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} or {@link NullPointerException} naming the field. */
        public SessionOptions build() {
            return new SessionOptions(vad, vadOptions, stt, sttOptions, llm, tts, ttsOptions, turnHandling,
                    turnDetector, time, meters, reportDirectory, participantIdentity, fallbackLine, userData,
                    textInput, syncTranscription, userReturnTimeout);
        }
    }
}
