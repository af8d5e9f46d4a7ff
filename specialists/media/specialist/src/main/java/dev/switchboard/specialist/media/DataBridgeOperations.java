package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.DataOptions;
import dev.switchboard.media.rtc.DataTooLargeException;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcException;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Violation;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data bridge: {@code data.subscribe} joins a room as a hidden participant whose received data
 * messages become {@code data.received} events for Switchboard's listeners ({@code Switchboard.listen}
 * in a host app); {@code data.publish} sends from that participant; {@code data.unsubscribe} leaves.
 * One bridge participant per room; subscribing again replaces the topic filter. Thread-safe: calls on
 * the same room are serialised, different rooms run in parallel.
 */
final class DataBridgeOperations implements OperationHandler {

    static final OperationSet SET = new OperationSet(DataBridgeDescriptors.ALL, DataBridgeOperations::new);

    private final MediaRuntime runtime;
    private final Map<String, BridgedRoom> rooms = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final String identityPrefix;
    private final int maxSubscriptions;

    DataBridgeOperations(MediaRuntime runtime) {
        this.runtime = runtime;
        var c = runtime.context().config().path("data-bridge");
        this.identityPrefix = c.path("identity-prefix").asText("switchboard-bridge");
        this.maxSubscriptions = c.path("max-subscriptions").asInt(64);
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        ObjectNode p = request.params();
        String room = Params.string(p, "room");
        synchronized (locks.computeIfAbsent(room, r -> new Object())) {
            return switch (request.operation()) {
                case "data.subscribe" -> subscribe(room, p);
                case "data.unsubscribe" -> unsubscribe(room);
                default -> publish(room, p);
            };
        }
    }

    private OperationResult subscribe(String room, ObjectNode p) {
        Set<String> topics = new LinkedHashSet<>(Params.strings(p, "topics"));
        BridgedRoom existing = rooms.get(room);
        if (existing != null && existing.session().isConnected()) {
            existing.topics(topics);
            return OperationResult.success(describe(existing).put("updated", true));
        }
        if (rooms.size() >= maxSubscriptions) {
            return OperationResult.failure(FailureCode.RATE_LIMITED, "the data bridge already bridges "
                    + rooms.size() + " rooms (max-subscriptions = " + maxSubscriptions + ")");
        }
        String identity = Params.optString(p, "identity").orElse(identityPrefix + "-" + room);
        boolean hidden = Params.bool(p, "hidden", true);
        var token = BridgeTokens.bridge(runtime.liveKit(), room, identity, hidden);
        RoomSession session;
        try {
            session = runtime.rtc().connect(ConnectOptions.builder(runtime.liveKit().url(), token)
                    .autoSubscribe(false).time(runtime.context().time()).build());
        } catch (RtcException e) {
            String message = "the data bridge could not join room '" + room + "': " + e.getMessage();
            return FailureCode.UNAVAILABLE.equals(e.code()) ? OperationResult.retryableFailure(e.code(), message)
                    : OperationResult.failure(e.code(), message);
        }
        BridgedRoom bridged = new BridgedRoom(room, identity, hidden, topics, session, runtime.context().events(),
                runtime.context().time(), b -> rooms.remove(b.room(), b));
        rooms.put(room, bridged);
        session.addListener(bridged);
        return OperationResult.success(describe(bridged).put("updated", false), Json.object().put("room", room));
    }

    private OperationResult unsubscribe(String room) {
        BridgedRoom bridged = rooms.remove(room);
        if (bridged == null) {
            return OperationResult.success(Json.object().put("room", room).put("was-subscribed", false));
        }
        bridged.leave();
        return OperationResult.success(Json.object().put("room", room).put("was-subscribed", true)
                .put("received", bridged.received()));
    }

    private OperationResult publish(String room, ObjectNode p) {
        BridgedRoom bridged = rooms.get(room);
        if (bridged == null || !bridged.session().isConnected()) {
            return OperationResult.rejected(FailureCode.NOT_FOUND, "the data bridge is not in room '" + room
                    + "'", List.of(new Violation("bridge.not-subscribed", "$.room", "no data.subscribe for room '"
                    + room + "'", "run data.subscribe first, or use data.send (server API) instead")));
        }
        byte[] payload = payload(p);
        boolean lossy = "lossy".equals(p.path("kind").asText("reliable"));
        DataOptions options = new DataOptions(!lossy, Params.optString(p, "topic").orElse(""),
                Params.strings(p, "destination-identities"));
        try {
            bridged.session().sendData(payload, options);
        } catch (DataTooLargeException e) {
            String key = p.has("data") ? "data" : "data-base64";
            return OperationResult.rejected(FailureCode.INVALID_REQUEST, e.getMessage(), List.of(Violation.of(
                    "data.too-large", "$." + key, payload.length + " bytes is over the data channel limit of "
                    + RoomSession.MAX_DATA_BYTES)));
        }
        return OperationResult.success(Json.object().put("room", room).put("bytes", payload.length)
                .put("kind", lossy ? "lossy" : "reliable").put("identity", bridged.identity()));
    }

    private static byte[] payload(ObjectNode p) {
        if (p.has("data-base64")) {
            try {
                return Base64.getDecoder().decode(Params.text(p, "data-base64"));
            } catch (IllegalArgumentException e) {
                throw Params.invalid("data-base64", "is not valid base64: " + e.getMessage());
            }
        }
        if (!p.has("data")) {
            throw Params.invalid("data", "is required (or data-base64)");
        }
        return Params.text(p, "data").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ObjectNode describe(BridgedRoom b) {
        ObjectNode out = Json.object().put("room", b.room()).put("identity", b.identity()).put("hidden", b.hidden());
        var topics = out.putArray("topics");
        b.topics().forEach(topics::add);
        return out;
    }

    @Override
    public void close() {
        rooms.values().forEach(BridgedRoom::leave);
        rooms.clear();
    }
}
