package dev.switchboard.media.rtc;

import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real-room fixture of the media tests: a {@code livekit-server} in its own network namespace
 * (through {@link LiveKitServerExtension}) and one {@link RtcClient} for the class, with joins by
 * identity and room. Shared with the voice module's tests through this module's test JAR.
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static final RtcRooms ROOMS = RtcRooms.namespace();
 * ... try (RoomSession alice = ROOMS.join("alice", "room")) { ... }
 * }</pre>
 *
 * <p>Register it on a static field: the server and the client live for the class. Thread-safe once
 * started.
 */
public final class RtcRooms implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final LiveKitServerExtension livekit;
    private volatile RtcClient client;

    private RtcRooms(LiveKitServerExtension livekit) {
        this.livekit = livekit;
    }

    /** A server in its own network namespace (needs root), as WebRTC on one machine requires. */
    public static RtcRooms namespace() {
        return new RtcRooms(LiveKitServerExtension.namespace());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        livekit.beforeAll(context);
        client = RtcClient.create();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        livekit.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RtcClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    /** The running server. */
    public LiveKitServer server() {
        return livekit.server();
    }

    /** The class's client. */
    public RtcClient client() {
        RtcClient c = client;
        if (c == null) {
            throw new IllegalStateException("RtcRooms is not started: register it on a static field");
        }
        return c;
    }

    /** Joins {@code room} as {@code identity} with the default options. */
    public RoomSession join(String identity, String room) {
        return client().connect(options(identity, room));
    }

    /** Joins {@code room} as an agent: a participant that may also set its own attributes and metadata. */
    public RoomSession agent(String identity, String room) {
        return client().connect(ConnectOptions.of(server().wsUrl(), Tokens.agent(server(), identity, room)));
    }

    /** Joins {@code room} as {@code identity} (an agent when {@code agent}) with reconnect {@code policy}. */
    public RoomSession join(String identity, String room, boolean agent, ReconnectPolicy policy) {
        return client().connect(ConnectOptions.builder(server().wsUrl(), agent ? Tokens.agent(server(), identity, room)
                : Tokens.join(server(), identity, room)).reconnect(policy).build());
    }

    /** The options to join {@code room} as {@code identity}, to adjust before connecting. */
    public ConnectOptions options(String identity, String room) {
        return Tokens.options(server(), identity, room);
    }
}
