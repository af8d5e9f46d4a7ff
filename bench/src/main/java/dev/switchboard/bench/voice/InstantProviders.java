package dev.switchboard.bench.voice;

import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.Transcript;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;

/**
 * Providers that answer at once (on the caller's thread), so a turn's measured latency is the
 * framework's own: STT finals at end of speech, an LLM that streams one sentence, a TTS that returns
 * 300 ms of tone per piece of text.
 */
final class InstantProviders {

    private InstantProviders() {
    }

    static SpeechToText stt() {
        return new SpeechToText() {
            @Override
            public String name() {
                return "instant-stt";
            }

            @Override
            public boolean streaming() {
                return false;
            }

            @Override
            public SttStream stream(SttOptions options, SttListener listener) {
                return new SttStream() {
                    @Override
                    public void push(short[] pcm, int offset, int length) {
                    }

                    @Override
                    public void endOfSpeech() {
                        listener.onTranscript(new Transcript("hello agent", true, 1, "en"));
                    }

                    @Override
                    public void clear() {
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    static LanguageModel llm() {
        return new LanguageModel() {
            @Override
            public String name() {
                return "instant-llm";
            }

            @Override
            public LlmCall chat(ChatRequest request, LlmListener listener) {
                listener.onTextDelta("Hello there. ");
                listener.onTextDelta("Nice to meet you.");
                listener.onComplete(LlmUsage.NONE);
                return () -> { };
            }
        };
    }

    static TextToSpeech tts() {
        return new TextToSpeech() {
            @Override
            public String name() {
                return "instant-tts";
            }

            @Override
            public int sampleRate() {
                return 24_000;
            }

            @Override
            public TtsStream stream(TtsOptions options, TtsListener listener) {
                return new TtsStream() {
                    @Override
                    public void pushText(String text) {
                        listener.onAudio(BenchAudio.tone(440, 24_000, 300));
                    }

                    @Override
                    public void end() {
                        listener.onDone();
                    }

                    @Override
                    public void cancel() {
                    }
                };
            }
        };
    }
}
