package dev.switchboard.media.rtc;

import java.net.URI;

/** Builds the {@code /rtc} WebSocket URL with the v0 query parameters. Stateless. */
final class SignalUrls {

    /** Signalling protocol version this client speaks (see the protocol notes, section 8). */
    static final int PROTOCOL = 16;
    static final String SDK = "java";
    static final String VERSION = "0.1.0";

    private SignalUrls() {
    }

    /** The URL for a fresh join; the token travels in the Authorization header, not here. */
    static String rtcUrl(URI base, boolean autoSubscribe) {
        String scheme = switch (base.getScheme()) {
            case "http", "ws" -> "ws";
            default -> "wss";
        };
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return scheme + "://" + base.getHost() + port + path + "/rtc"
                + "?protocol=" + PROTOCOL
                + "&client_protocol=0"
                + "&sdk=" + SDK
                + "&version=" + VERSION
                + "&os=" + System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT)
                + "&auto_subscribe=" + (autoSubscribe ? "1" : "0")
                + "&adaptive_stream=0";
    }

    /** The URL for a resume: the join URL plus {@code reconnect=1}, the own participant sid and the reason. */
    static String resumeUrl(URI base, boolean autoSubscribe, String participantSid,
                            livekit.LivekitModels.ReconnectReason reason) {
        return rtcUrl(base, autoSubscribe) + "&reconnect=1&sid="
                + java.net.URLEncoder.encode(participantSid, java.nio.charset.StandardCharsets.UTF_8)
                + "&reconnect_reason=" + reason.getNumber();
    }

    /** The same URL with http(s), for error bodies and diagnostics. */
    static String httpUrl(String wsUrl) {
        return wsUrl.replaceFirst("^ws", "http");
    }

    /** Removes anything that looks like a JWT from a server message before it goes into an error. */
    static String scrub(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        String clean = oneLine.replaceAll("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*", "<token>");
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }
}
