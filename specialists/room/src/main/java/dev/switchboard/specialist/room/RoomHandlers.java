package dev.switchboard.specialist.room;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.specialist.common.ProtoJson;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Optional;
import livekit.LivekitModels;
import livekit.LivekitRoom;

/** room.* operations. Stateless apart from the shared calls; thread-safe. */
final class RoomHandlers {

    private final RoomCalls calls;
    private final RoomCreationClock clock;
    private final RecentRooms recent = new RecentRooms();

    RoomHandlers(RoomCalls calls, RoomCreationClock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    OperationResult create(ObjectNode p) {
        String name = Params.string(p, "name");
        LivekitRoom.CreateRoomRequest.Builder req = LivekitRoom.CreateRoomRequest.newBuilder().setName(name);
        Params.optInt(p, "empty-timeout").ifPresent(req::setEmptyTimeout);
        Params.optInt(p, "departure-timeout").ifPresent(req::setDepartureTimeout);
        Params.optInt(p, "max-participants").ifPresent(req::setMaxParticipants);
        Params.optString(p, "metadata").ifPresent(req::setMetadata);
        var agents = p.path("agents");
        for (int i = 0; i < agents.size(); i++) {
            ObjectNode a = (ObjectNode) agents.get(i);
            var dispatch = req.addAgentsBuilder().setAgentName(Params.string(a, "agent-name"));
            Params.optString(a, "metadata").ifPresent(dispatch::setMetadata);
        }
        Created outcome = createOrAdopt(name, req.build());
        ObjectNode payload = ProtoJson.toJson(outcome.room());
        payload.put("created", outcome.created());
        // Only a room this call created is deleted on rollback; an adopted room is left alone.
        ObjectNode undo = outcome.created() ? Json.object().put("name", name) : Json.object();
        return OperationResult.success(payload, undo);
    }

    /** The room CreateRoom answered with, and whether this call created it (see {@link RoomCreationClock}). */
    private record Created(LivekitModels.Room room, boolean created) {
    }

    private Created createOrAdopt(String name, LivekitRoom.CreateRoomRequest request) {
        if (clock.calibrated()) {
            long sent = clock.nowMs();
            LivekitModels.Room room = calls.create(request);
            long received = clock.nowMs();
            boolean created = !recent.seen(room.getSid())
                    && clock.created(room.getCreationTimeMs(), sent, received);
            return new Created(room, created && recent.add(room.getSid()));
        }
        boolean existed = calls.find(name).isPresent();
        LivekitModels.Room room = calls.create(request);
        long received = clock.nowMs();
        if (existed || recent.seen(room.getSid())) {
            return new Created(room, false);
        }
        clock.learn(room.getCreationTimeMs(), received);
        return new Created(room, recent.add(room.getSid()));
    }

    OperationResult list(ObjectNode p) {
        ArrayNode rooms = Json.mapper().createArrayNode();
        calls.list(Params.strings(p, "names")).forEach(r -> rooms.add(ProtoJson.toJson(r)));
        ObjectNode payload = Json.object();
        payload.set("rooms", rooms);
        return OperationResult.success(payload);
    }

    OperationResult get(ObjectNode p) {
        String name = Params.string(p, "name");
        return calls.find(name)
                .<OperationResult>map(r -> OperationResult.success(ProtoJson.toJson(r)))
                .orElseGet(() -> OperationResult.failure(FailureCode.NOT_FOUND, "room '" + name + "' does not exist"));
    }

    OperationResult delete(ObjectNode p) {
        String name = Params.string(p, "name");
        boolean existed = calls.find(name).isPresent();
        if (existed) {
            calls.delete(name);
        }
        return OperationResult.success(Json.object().put("name", name).put("deleted", existed));
    }

    OperationResult updateMetadata(ObjectNode p) {
        String name = Params.string(p, "name");
        Optional<LivekitModels.Room> before = calls.find(name);
        if (before.isEmpty()) {
            return OperationResult.failure(FailureCode.NOT_FOUND, "room '" + name + "' does not exist");
        }
        LivekitModels.Room room = calls.updateMetadata(name, Params.text(p, "metadata"));
        return OperationResult.success(ProtoJson.toJson(room),
                Json.object().put("name", name).put("metadata", before.get().getMetadata()));
    }

    /**
     * CreateRoom's reply is the server's own record of the room as stored (with its sid), so it is
     * the evidence: no second round trip to read the room back.
     */
    List<Violation> verifyCreate(ObjectNode p, OperationResult.Success result) {
        String name = p.path("name").asText();
        ObjectNode room = result.payload();
        return name.equals(room.path("name").asText()) && !room.path("sid").asText().isEmpty() ? List.of()
                : List.of(Violation.of("room.missing", "$.name", "LiveKit's reply to room.create does not show"
                        + " room '" + name + "' with a sid"));
    }

    List<Violation> verifyDelete(ObjectNode p) {
        String name = p.path("name").asText();
        return calls.find(name).isEmpty() ? List.of() : List.of(Violation.of("room.still-there", "$.name",
                "room '" + name + "' still exists after room.delete"));
    }

    List<Violation> verifyMetadata(ObjectNode p) {
        String name = p.path("name").asText();
        String want = p.path("metadata").asText();
        return calls.find(name).filter(r -> r.getMetadata().equals(want)).isPresent() ? List.of()
                : List.of(Violation.of("room.metadata-mismatch", "$.metadata",
                        "room '" + name + "' does not carry the new metadata"));
    }
}
