package dev.switchboard.media.rtc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads, per media section of an SDP, its {@code a=mid} and the stream id of its {@code a=msid}
 * line. The subscriber uses it to map transceivers to {@code PA_…|TR_…} streams, including when the
 * server reuses a transceiver for another track (libwebrtc then fires no new track event). Stateless.
 */
final class SdpStreams {

    private SdpStreams() {
    }

    /** mid → msid stream id for every audio or video section that has both; in SDP order. */
    static Map<String, String> midToStreamId(String sdp) {
        Map<String, String> result = new LinkedHashMap<>();
        String mid = null;
        String stream = null;
        boolean media = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                put(result, media, mid, stream);
                media = line.startsWith("m=audio") || line.startsWith("m=video");
                mid = null;
                stream = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6).strip();
            } else if (line.startsWith("a=msid:") && stream == null) {
                String value = line.substring(7).strip();
                int space = value.indexOf(' ');
                stream = space < 0 ? value : value.substring(0, space);
            }
        }
        put(result, media, mid, stream);
        return result;
    }

    private static void put(Map<String, String> result, boolean media, String mid, String stream) {
        if (media && mid != null && stream != null && !stream.equals("-")) {
            result.put(mid, stream);
        }
    }
}
