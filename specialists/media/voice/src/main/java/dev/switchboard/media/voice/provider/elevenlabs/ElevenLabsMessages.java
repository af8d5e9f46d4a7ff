package dev.switchboard.media.voice.provider.elevenlabs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The client messages of the stream-input protocol. Stateless. */
final class ElevenLabsMessages {

    static final ObjectMapper JSON = new ObjectMapper();

    private ElevenLabsMessages() {
    }

    /** The first message: a single space, the voice settings and the generation schedule. */
    static String beginning(double speed, double stability, double similarityBoost) {
        ObjectNode m = JSON.createObjectNode().put("text", " ");
        ObjectNode voice = m.putObject("voice_settings");
        voice.put("speed", Math.clamp(speed, 0.7, 1.2));
        if (stability >= 0) {
            voice.put("stability", stability);
        }
        if (similarityBoost >= 0) {
            voice.put("similarity_boost", similarityBoost);
        }
        m.putObject("generation_config").putArray("chunk_length_schedule").add(50).add(120).add(160).add(250);
        return m.toString();
    }

    /** A text piece, flushed so audio starts without waiting for more text. */
    static String text(String text) {
        return JSON.createObjectNode().put("text", text).put("flush", true).toString();
    }

    /** The end of input: an empty text. */
    static String end() {
        return "{\"text\":\"\"}";
    }
}
