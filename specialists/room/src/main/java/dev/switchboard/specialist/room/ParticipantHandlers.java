package dev.switchboard.specialist.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.specialist.common.ProtoJson;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels;
import livekit.LivekitRoom;

/** participant.* and track.mute operations; updates record the previous values for rollback. Thread-safe. */
final class ParticipantHandlers {

    private final RoomCalls calls;

    ParticipantHandlers(RoomCalls calls) {
        this.calls = calls;
    }

    OperationResult list(ObjectNode p) {
        ArrayNode out = Json.mapper().createArrayNode();
        calls.participants(Params.string(p, "room")).forEach(i -> out.add(ProtoJson.toJson(i)));
        ObjectNode payload = Json.object();
        payload.set("participants", out);
        return OperationResult.success(payload);
    }

    OperationResult get(ObjectNode p) {
        return OperationResult.success(ProtoJson.toJson(
                calls.participant(Params.string(p, "room"), Params.string(p, "identity"))));
    }

    OperationResult remove(ObjectNode p) {
        String room = Params.string(p, "room");
        String identity = Params.string(p, "identity");
        calls.remove(room, identity);
        return OperationResult.success(Json.object().put("room", room).put("identity", identity));
    }

    OperationResult update(ObjectNode p) {
        String room = Params.string(p, "room");
        String identity = Params.string(p, "identity");
        LivekitModels.ParticipantInfo before = calls.participant(room, identity);
        LivekitRoom.UpdateParticipantRequest.Builder req =
                LivekitRoom.UpdateParticipantRequest.newBuilder().setRoom(room).setIdentity(identity);
        ObjectNode undo = Json.object().put("room", room).put("identity", identity);
        Params.optString(p, "name").ifPresent(v -> {
            req.setName(v);
            undo.put("name", before.getName());
        });
        Params.optString(p, "metadata").ifPresent(v -> {
            req.setMetadata(v);
            undo.put("metadata", before.getMetadata());
        });
        Map<String, String> attributes = Params.stringMap(p, "attributes");
        if (!attributes.isEmpty()) {
            req.putAllAttributes(attributes);
            ObjectNode previous = undo.putObject("attributes");
            // LiveKit deletes an attribute that is set to the empty string.
            attributes.keySet().forEach(k -> previous.put(k, before.getAttributesOrDefault(k, "")));
        }
        JsonNode permission = p.path("permission");
        if (permission.isObject()) {
            req.setPermission(permission(before.getPermission(), (ObjectNode) permission));
            undo.set("permission", permissionJson(before.getPermission()));
        }
        LivekitModels.ParticipantInfo after = calls.update(req.build());
        return OperationResult.success(ProtoJson.toJson(after), undo);
    }

    OperationResult mute(ObjectNode p) {
        String room = Params.string(p, "room");
        String identity = Params.string(p, "identity");
        String track = Params.string(p, "track-sid");
        boolean muted = Params.bool(p, "muted", true);
        LivekitModels.TrackInfo info = calls.mute(room, identity, track, muted);
        return OperationResult.success(ProtoJson.toJson(info), Json.object().put("room", room)
                .put("identity", identity).put("track-sid", track).put("muted", !muted));
    }

    OperationResult subscriptions(ObjectNode p) {
        String room = Params.string(p, "room");
        String identity = Params.string(p, "identity");
        List<String> tracks = Params.strings(p, "track-sids");
        boolean subscribe = Params.bool(p, "subscribe", true);
        calls.subscriptions(room, identity, tracks, subscribe);
        ObjectNode undo = Json.object().put("room", room).put("identity", identity).put("subscribe", !subscribe);
        tracks.forEach(undo.putArray("track-sids")::add);
        return OperationResult.success(Json.object().put("room", room).put("identity", identity)
                .put("subscribed", subscribe), undo);
    }

    private static LivekitModels.ParticipantPermission permission(
            LivekitModels.ParticipantPermission base, ObjectNode p) {
        var b = base.toBuilder();
        b.setCanSubscribe(Params.bool(p, "can-subscribe", base.getCanSubscribe()));
        b.setCanPublish(Params.bool(p, "can-publish", base.getCanPublish()));
        b.setCanPublishData(Params.bool(p, "can-publish-data", base.getCanPublishData()));
        b.setHidden(Params.bool(p, "hidden", base.getHidden()));
        b.setCanUpdateMetadata(Params.bool(p, "can-update-metadata", base.getCanUpdateMetadata()));
        return b.build();
    }

    private static ObjectNode permissionJson(LivekitModels.ParticipantPermission p) {
        return Json.object().put("can-subscribe", p.getCanSubscribe()).put("can-publish", p.getCanPublish())
                .put("can-publish-data", p.getCanPublishData()).put("hidden", p.getHidden())
                .put("can-update-metadata", p.getCanUpdateMetadata());
    }
}
