package dev.switchboard.media.rtc;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns on Opus discontinuous transmission for what we publish, as LiveKit's own SDKs do by default:
 * adds {@code usedtx=1} to the Opus {@code a=fmtp} lines of the server's answer to our publisher offer
 * (libwebrtc configures the send encoder from the remote description). While the agent is silent the
 * encoder then sends one comfort-noise packet every 400 ms instead of 50 packets a second, which the
 * server need not forward and the listeners need not decode. Stateless.
 */
final class OpusDtx {

    private static final Pattern RTPMAP = Pattern.compile("^a=rtpmap:(\\d+) opus/", Pattern.CASE_INSENSITIVE);
    private static final Pattern FMTP = Pattern.compile("^a=fmtp:(\\d+) (.*)$");

    private OpusDtx() {
    }

    /** {@code sdp} with {@code usedtx=1} on every Opus format that does not say otherwise. */
    static String enable(String sdp) {
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = sdp.split("\r?\n", -1);
        Set<String> opus = new HashSet<>();
        for (String line : lines) {
            Matcher m = RTPMAP.matcher(line);
            if (m.find()) {
                opus.add(m.group(1));
            }
        }
        StringBuilder out = new StringBuilder(sdp.length() + 16 * opus.size());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = FMTP.matcher(line);
            if (m.matches() && opus.contains(m.group(1)) && !m.group(2).contains("usedtx=")) {
                line = line + ";usedtx=1";
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append(eol);
            }
        }
        return out.toString();
    }
}
