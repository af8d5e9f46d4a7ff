package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/** One fake Deepgram stream: reads audio and control messages, writes results. */
final class DeepgramSession {

    private static final int RATE = 16_000;

    private final FakeWebSocket ws;
    private final FakeDeepgram fake;
    private long bytes;
    private long streamSamples;
    private int utteranceSamples;
    private int utteranceStart;
    private int silentSamples;
    private int sinceInterim;
    private boolean speaking;

    DeepgramSession(FakeWebSocket ws, FakeDeepgram fake) {
        this.ws = ws;
        this.fake = fake;
    }

    void run() throws IOException, InterruptedException {
        while (true) {
            Optional<FakeWebSocket.Message> m = ws.receive(FakeDeepgram.poll());
            if (m.isEmpty()) {
                ws.close(1011, "NET-0001: did not receive audio data or a text message within the timeout");
                return;
            }
            switch (m.get()) {
                case FakeWebSocket.Message.Binary b -> {
                    if (!audio(b.bytes())) {
                        return;
                    }
                }
                case FakeWebSocket.Message.Text t -> {
                    if (!control(FakeDeepgram.parse(t.text()))) {
                        return;
                    }
                }
                case FakeWebSocket.Message.Close c -> {
                    return;
                }
            }
        }
    }

    private boolean audio(byte[] data) throws IOException {
        bytes += data.length;
        if (fake.dropAfterBytes() >= 0 && bytes > fake.dropAfterBytes()) {
            if (fake.dropCode() == 0) {
                ws.disconnect();
            } else {
                ws.close(fake.dropCode(), "NET-0000: the fake dropped the stream");
            }
            return false;
        }
        for (int i = 0; i + 1 < data.length; i += 2) {
            int s = (short) ((data[i] & 0xff) | (data[i + 1] << 8));
            streamSamples++;
            if (Math.abs(s) >= 500) {
                if (!speaking) {
                    speaking = true;
                    utteranceStart = (int) streamSamples - 1;
                }
                silentSamples = 0;
            } else if (speaking) {
                silentSamples++;
            }
            if (speaking) {
                utteranceSamples++;
                sinceInterim++;
            }
            if (speaking && sinceInterim >= RATE / 2) {
                sinceInterim = 0;
                String words = fake.nextTranscriptPreview(utteranceSamples);
                ws.sendText(FakeDeepgram.results(words, utteranceStart / (double) RATE,
                        utteranceSamples / (double) RATE, false, false, false).toString());
            }
            if (speaking && silentSamples >= RATE * 6 / 10) {
                finish(true, false);
            }
        }
        return true;
    }

    private boolean control(JsonNode msg) throws IOException {
        String type = msg.path("type").asText();
        fake.control(type);
        switch (type) {
            case "Finalize" -> {
                if (speaking) {
                    finish(false, true);
                }
                ws.sendText("{\"type\":\"UtteranceEnd\",\"channel\":[0,1],\"last_word_end\":"
                        + streamSamples / (double) RATE + "}");
            }
            case "CloseStream" -> {
                ws.sendText("{\"type\":\"Metadata\",\"request_id\":\"fake-request\",\"duration\":"
                        + streamSamples / (double) RATE + ",\"channels\":1}");
                ws.close(1000, "");
                return false;
            }
            default -> {
                // KeepAlive and unknown messages only keep the stream open
            }
        }
        return true;
    }

    private void finish(boolean speechFinal, boolean fromFinalize) throws IOException {
        int spoken = utteranceSamples - silentSamples;
        String text = fake.nextTranscript(spoken);
        ws.sendText(FakeDeepgram.results(text, utteranceStart / (double) RATE, spoken / (double) RATE,
                true, speechFinal, fromFinalize).toString());
        speaking = false;
        utteranceSamples = 0;
        silentSamples = 0;
        sinceInterim = 0;
    }
}
