package dev.switchboard.coordinator.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The browser playground at {@code /playground/}: a page (from {@code web/playground}) that joins a
 * room with livekit-client to talk to a voice agent, and a token endpoint that mints a
 * {@code speaker} token for it through the coordinator's {@code token.mint}. Meant for local
 * development: {@code switchboard serve} turns it on only when it started its own LiveKit server.
 * Immutable.
 *
 * @param enabled   whether the endpoints answer (otherwise {@code /playground} is 404)
 * @param webRoot   the folder holding {@code index.html}, {@code app.js} and
 *                  {@code node_modules/livekit-client} (installed by {@code scripts/setup.sh})
 * @param liveKitUrl the WebSocket URL the browser connects to
 * @param room      the room the page joins
 * @param agentName the agent to dispatch through the token's room configuration, or empty for none
 *                  (an agent already in the room, e.g. started by {@code media.agent.start})
 */
public record PlaygroundSettings(boolean enabled, Path webRoot, String liveKitUrl, String room, String agentName) {

    /** Validates the fields. */
    public PlaygroundSettings {
        Objects.requireNonNull(webRoot, "webRoot");
        Objects.requireNonNull(liveKitUrl, "liveKitUrl");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(agentName, "agentName");
        if (enabled && (room.isBlank() || liveKitUrl.isBlank())) {
            throw new IllegalArgumentException("an enabled playground needs a room and a LiveKit URL");
        }
    }

    /** The playground switched off. */
    public static PlaygroundSettings disabled() {
        return new PlaygroundSettings(false, Path.of("."), "", "", "");
    }

    /** The playground on, serving {@code webRoot}, joining {@code room} on {@code liveKitUrl}. */
    public static PlaygroundSettings of(Path webRoot, String liveKitUrl, String room, String agentName) {
        return new PlaygroundSettings(true, webRoot, liveKitUrl, room, agentName);
    }
}
