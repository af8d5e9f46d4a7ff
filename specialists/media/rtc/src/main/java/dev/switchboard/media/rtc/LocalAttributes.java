package dev.switchboard.media.rtc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import livekit.LivekitRtc.SignalRequest;

/**
 * The attributes this participant set on itself, merged in order (an empty value removes a key, as on
 * the server). After a rejoin the participant is new (on a server that may have restarted) and carries
 * only its token's attributes, so the session sends them again. Updates and the restore are sent under
 * one lock, so a restore never overtakes a newer value. Thread-safe.
 */
final class LocalAttributes {

    private final Map<String, String> set = new HashMap<>();

    /** Records {@code attributes} and sends the request that sets them. */
    synchronized void update(Map<String, String> attributes, Consumer<SignalRequest> send) {
        attributes.forEach((k, v) -> {
            if (v.isEmpty()) {
                set.remove(k);
            } else {
                set.put(k, v);
            }
        });
        send.accept(TextStreams.updateAttributes(attributes));
    }

    /** Sends every attribute set so far again (nothing when none was). */
    synchronized void restore(Consumer<SignalRequest> send) {
        if (!set.isEmpty()) {
            send.accept(TextStreams.updateAttributes(set));
        }
    }
}
