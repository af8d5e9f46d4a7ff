package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The fake OpenAI server's audio endpoints. Transcriptions answer from a script, then from a
 * function of the uploaded WAV (default: its duration, {@code "1.25 seconds of audio"}). Speech
 * streams a 24 kHz tone lasting {@link #millisPerChar} per input character in 100 ms chunks.
 * Thread-safe.
 */
public final class FakeOpenAiAudio {

    /**
     * One uploaded audio segment.
     *
     * @param wav        the uploaded file
     * @param sampleRate the WAV header's rate
     * @param samples    the number of 16-bit samples
     * @param model      the {@code model} field
     * @param language   the {@code language} field, or empty
     */
    public record Upload(byte[] wav, int sampleRate, int samples, String model, String language) {
        /** The audio's duration. */
        public Duration duration() {
            return Duration.ofMillis(samples * 1000L / Math.max(1, sampleRate));
        }
    }

    private final ConcurrentLinkedQueue<Object> transcripts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ChatReply> speechErrors = new ConcurrentLinkedQueue<>();
    private volatile Function<Upload, String> transcriber =
        u -> String.format(java.util.Locale.ROOT, "%.2f seconds of audio", u.samples() / (double) u.sampleRate());
    private volatile int millisPerChar = 40;
    private volatile Duration chunkDelay = Duration.ZERO;

    FakeOpenAiAudio() {
    }

    /** Texts for the next transcription requests, in order. */
    public FakeOpenAiAudio enqueueTranscripts(String... texts) {
        transcripts.addAll(List.of(texts));
        return this;
    }

    /** The next transcription request fails with {@code status} and OpenAI's error JSON. */
    public FakeOpenAiAudio enqueueTranscriptionError(int status, String message) {
        transcripts.add(ChatReply.error(status, message));
        return this;
    }

    /** Computes transcripts once the script is used up. */
    public FakeOpenAiAudio transcriber(Function<Upload, String> f) {
        this.transcriber = f;
        return this;
    }

    /** The next speech request fails with {@code status} and OpenAI's error JSON. */
    public FakeOpenAiAudio enqueueSpeechError(int status, String message) {
        speechErrors.add(ChatReply.error(status, message));
        return this;
    }

    /** How much audio each input character yields (default 40 ms). */
    public FakeOpenAiAudio millisPerChar(int ms) {
        this.millisPerChar = ms;
        return this;
    }

    /** The pause between streamed 100 ms speech chunks (default none). */
    public FakeOpenAiAudio speechChunkDelay(Duration d) {
        this.chunkDelay = d;
        return this;
    }

    void transcribe(FakeRequest rq, FakeResponse rs) throws IOException {
        Map<String, Multipart.Part> parts = Multipart.parse(rq);
        Multipart.Part file = parts.get("file");
        if (file == null || parts.get("model") == null) {
            rs.json(400, "{\"error\":{\"message\":\"file and model are required\"}}");
            return;
        }
        byte[] wav = file.bytes();
        if (wav.length < 44 || !new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) {
            rs.json(400, "{\"error\":{\"message\":\"Invalid file format.\"}}");
            return;
        }
        int rate = ByteBuffer.wrap(wav, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Upload u = new Upload(wav, rate, (wav.length - 44) / 2, parts.get("model").text(),
                Optional.ofNullable(parts.get("language")).map(Multipart.Part::text).orElse(""));
        Object next = transcripts.poll();
        if (next instanceof ChatReply err) {
            rs.json(err.status(), "{\"error\":{\"message\":" + FakeOpenAi.JSON.writeValueAsString(err.error()) + "}}");
            return;
        }
        String text = next instanceof String s ? s : transcriber.apply(u);
        rs.json(200, FakeOpenAi.JSON.createObjectNode().put("text", text).toString());
    }

    void speak(FakeRequest rq, FakeResponse rs) throws IOException, InterruptedException {
        ChatReply err = speechErrors.poll();
        if (err != null) {
            rs.json(err.status(), "{\"error\":{\"message\":" + FakeOpenAi.JSON.writeValueAsString(err.error()) + "}}");
            return;
        }
        JsonNode body = rq.json();
        if (!body.path("input").isTextual() || !body.path("response_format").asText().equals("pcm")) {
            rs.json(400, "{\"error\":{\"message\":\"input and response_format=pcm are required by this fake\"}}");
            return;
        }
        int samples = body.get("input").asText().length() * millisPerChar * 24;
        rs.startStream(200, "audio/pcm");
        for (int start = 0; start < samples; start += 2400) {
            if (start > 0) {
                Thread.sleep(chunkDelay.toMillis());
            }
            rs.write(Tones.pcm(start, Math.min(2400, samples - start), 24_000));
        }
        rs.finish();
    }
}
