package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** One fake ElevenLabs stream. */
final class ElevenLabsSession {

    private final FakeWebSocket ws;
    private final FakeElevenLabs fake;
    private final int rate;
    private final boolean keyOk;
    private final StringBuilder buffer = new StringBuilder();
    private int audioMessages;
    private int spokenMs;
    private long samples;

    ElevenLabsSession(FakeWebSocket ws, FakeElevenLabs fake, int rate, boolean keyOk) {
        this.ws = ws;
        this.fake = fake;
        this.rate = rate;
        this.keyOk = keyOk;
    }

    void run() throws IOException, InterruptedException {
        boolean first = true;
        while (true) {
            Optional<FakeWebSocket.Message> m = ws.receive(Duration.ofSeconds(20));
            if (m.isEmpty()) {
                ws.close(1008, "Have not received new text for 20 seconds. Closing the connection.");
                return;
            }
            if (!(m.get() instanceof FakeWebSocket.Message.Text t)) {
                return;
            }
            JsonNode msg = FakeElevenLabs.JSON.readTree(t.text());
            fake.record(msg);
            String text = msg.path("text").asText("");
            if (first) {
                first = false;
                if (!keyOk && !msg.path("xi_api_key").isTextual()) {
                    ws.sendText("{\"message\":\"Invalid API key\",\"error\":\"invalid_api_key\",\"code\":1008}");
                    ws.close(1008, "Invalid API key");
                    return;
                }
                if (!text.equals(" ")) {
                    ws.sendText("{\"message\":\"The first message must contain a single space as text\","
                            + "\"error\":\"invalid_message\",\"code\":1008}");
                    ws.close(1008, "invalid first message");
                    return;
                }
                continue;
            }
            if (fake.isSilent()) {
                continue;
            }
            if (text.isEmpty()) {
                if (!speak()) {
                    return;
                }
                ws.sendText("{\"audio\":null,\"isFinal\":true,\"normalizedAlignment\":null,\"alignment\":null}");
                ws.close(1000, "");
                return;
            }
            buffer.append(text);
            if ((msg.path("flush").asBoolean(false) || buffer.length() >= 120) && !speak()) {
                return;
            }
        }
    }

    /** Speaks the buffer as two audio messages; false when the script broke the connection. */
    private boolean speak() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return true;
        }
        if (audioMessages == 0) {
            Thread.sleep(fake.firstAudioDelay().toMillis());
        }
        String text = buffer.toString();
        buffer.setLength(0);
        int half = (text.length() + 1) / 2;
        for (String part : new String[] {text.substring(0, half), text.substring(half)}) {
            if (part.isEmpty()) {
                continue;
            }
            if (fake.disconnectAfterAudio() >= 0 && audioMessages >= fake.disconnectAfterAudio()) {
                ws.disconnect();
                return false;
            }
            int count = part.length() * fake.millisPerChar() * rate / 1000;
            ws.sendText(FakeElevenLabs.audioMessage(Tones.pcm((int) samples, count, rate), part, spokenMs,
                    fake.millisPerChar()));
            samples += count;
            spokenMs += part.length() * fake.millisPerChar();
            audioMessages++;
        }
        return true;
    }
}
