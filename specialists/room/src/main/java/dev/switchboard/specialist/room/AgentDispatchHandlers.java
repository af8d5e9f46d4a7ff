package dev.switchboard.specialist.room;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.specialist.common.ProtoJson;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomName;
import io.livekit.server.VideoGrant;
import java.util.List;
import livekit.LivekitAgentDispatch;

/**
 * agent.dispatch, agent.dispatch-list and agent.dispatch-delete through LiveKit's
 * AgentDispatchService: LiveKit's own dispatcher then hands the job to one of the registered
 * workers, which is how agents scale past one machine. Thread-safe.
 */
final class AgentDispatchHandlers {

    private static final String SERVICE = "livekit.AgentDispatchService";

    private final LiveKitApi api;

    AgentDispatchHandlers(LiveKitApi api) {
        this.api = api;
    }

    OperationResult dispatch(ObjectNode p) {
        String room = Params.string(p, "room");
        var req = LivekitAgentDispatch.CreateAgentDispatchRequest.newBuilder()
                .setRoom(room).setAgentName(Params.string(p, "agent-name"));
        Params.optString(p, "metadata").ifPresent(req::setMetadata);
        LivekitAgentDispatch.AgentDispatch created = api.call(SERVICE, "CreateDispatch", req.build(),
                LivekitAgentDispatch.AgentDispatch.parser(), admin(room), false);
        return OperationResult.success(ProtoJson.toJson(created),
                Json.object().put("room", room).put("dispatch-id", created.getId()));
    }

    OperationResult list(ObjectNode p) {
        String room = Params.string(p, "room");
        var req = LivekitAgentDispatch.ListAgentDispatchRequest.newBuilder().setRoom(room);
        Params.optString(p, "dispatch-id").ifPresent(req::setDispatchId);
        var response = api.call(SERVICE, "ListDispatch", req.build(),
                LivekitAgentDispatch.ListAgentDispatchResponse.parser(), admin(room), true);
        ArrayNode items = Json.mapper().createArrayNode();
        response.getAgentDispatchesList().forEach(d -> items.add(ProtoJson.toJson(d)));
        ObjectNode payload = Json.object();
        payload.set("dispatches", items);
        return OperationResult.success(payload);
    }

    OperationResult delete(ObjectNode p) {
        String room = Params.string(p, "room");
        var deleted = api.call(SERVICE, "DeleteDispatch", LivekitAgentDispatch.DeleteAgentDispatchRequest.newBuilder()
                        .setRoom(room).setDispatchId(Params.string(p, "dispatch-id")).build(),
                LivekitAgentDispatch.AgentDispatch.parser(), admin(room), true);
        return OperationResult.success(ProtoJson.toJson(deleted));
    }

    private static List<VideoGrant> admin(String room) {
        return List.of(new RoomAdmin(true), new RoomName(room));
    }
}
