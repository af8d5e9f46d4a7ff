package dev.switchboard.specialist.media;

import dev.switchboard.media.rtc.DataMessage;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.spi.TimeSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One room the data bridge joined: the hidden participant's session and the topic filter. Each data
 * message that passes the filter becomes a {@code data.received} event; the session's end becomes
 * {@code data.bridge.closed}. Thread-safe (the topic set is replaced, never mutated).
 */
final class BridgedRoom implements RoomListener {

    private final String room;
    private final String identity;
    private final boolean hidden;
    private final RoomSession session;
    private final EventPublisher events;
    private final TimeSource time;
    private final Consumer<BridgedRoom> onEnd;
    private final AtomicLong received = new AtomicLong();
    private volatile Set<String> topics;
    private volatile boolean leaving;

    BridgedRoom(String room, String identity, boolean hidden, Set<String> topics, RoomSession session,
            EventPublisher events, TimeSource time, Consumer<BridgedRoom> onEnd) {
        this.room = room;
        this.identity = identity;
        this.hidden = hidden;
        this.topics = Set.copyOf(topics);
        this.session = session;
        this.events = events;
        this.time = time;
        this.onEnd = onEnd;
    }

    String room() {
        return room;
    }

    String identity() {
        return identity;
    }

    boolean hidden() {
        return hidden;
    }

    Set<String> topics() {
        return topics;
    }

    void topics(Set<String> value) {
        this.topics = Set.copyOf(value);
    }

    RoomSession session() {
        return session;
    }

    long received() {
        return received.get();
    }

    @Override
    public void onData(DataMessage m) {
        Set<String> filter = topics;
        if (!filter.isEmpty() && !filter.contains(m.topic())) {
            return;
        }
        received.incrementAndGet();
        var data = Json.object().put("room", room).put("topic", m.topic()).put("sender", m.senderIdentity())
                .put("sender-sid", m.senderSid()).put("reliable", m.reliable()).put("bytes", m.payload().length)
                .put("payload-base64", Base64.getEncoder().encodeToString(m.payload()));
        utf8(m.payload()).ifPresent(text -> data.put("payload", text));
        events.publish(new SwitchboardEvent("data.received", "media", time.now(), data));
    }

    @Override
    public void onDisconnected(String reason) {
        if (!leaving) {
            events.publish(new SwitchboardEvent("data.bridge.closed", "media", time.now(),
                    Json.object().put("room", room).put("identity", identity).put("reason", reason)));
        }
        onEnd.accept(this);
    }

    /** Leaves the room on request (no {@code data.bridge.closed} event). */
    void leave() {
        leaving = true;
        session.close();
    }

    private static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
