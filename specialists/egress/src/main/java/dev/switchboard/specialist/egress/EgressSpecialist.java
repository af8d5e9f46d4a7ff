package dev.switchboard.specialist.egress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import dev.switchboard.specialist.common.Guarded;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.LiveKitCallException;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.specialist.common.ProtoJson;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import io.livekit.server.RoomRecord;
import java.util.List;
import livekit.LivekitEgress;
import org.pf4j.Extension;

/**
 * Starts, lists, updates and stops LiveKit Egress. Every start is compensated by {@code egress.stop}.
 * Without an egress worker the server cannot start anything: each start first asks the server whether
 * a worker is connected and, when none is, fails at once with code {@code unavailable} and the
 * server's words. Thread-safe after {@link #start}.
 */
@Extension
public final class EgressSpecialist implements Specialist {

    private static final String SERVICE = "livekit.Egress";

    private volatile LiveKitApi api;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public EgressSpecialist() {
    }

    @Override
    public String name() {
        return "egress";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return EgressDescriptors.ALL;
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (api == null) {
            api = LiveKitApi.create(LiveKitSettings.from(context), context.time());
        }
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        LiveKitApi client = api;
        return Guarded.run(name(), client != null, context, request, () -> run(client, request));
    }

    private static OperationResult run(LiveKitApi client, OperationRequest request) {
        ObjectNode p = request.params();
        return switch (request.operation()) {
            case "egress.start-room-composite" ->
                    started(client, "StartRoomCompositeEgress", EgressRequests.roomComposite(p));
            case "egress.start-participant" ->
                    started(client, "StartParticipantEgress", EgressRequests.participant(p));
            case "egress.start-track" -> started(client, "StartTrackEgress", EgressRequests.track(p));
            case "egress.start-web" -> started(client, "StartWebEgress", EgressRequests.web(p));
            case "egress.list" -> list(client, p);
            case "egress.stop" -> OperationResult.success(ProtoJson.toJson(call(client, "StopEgress",
                    LivekitEgress.StopEgressRequest.newBuilder().setEgressId(Params.string(p, "egress-id")).build(),
                    true)));
            case "egress.update-layout" -> OperationResult.success(ProtoJson.toJson(call(client, "UpdateLayout",
                    LivekitEgress.UpdateLayoutRequest.newBuilder().setEgressId(Params.string(p, "egress-id"))
                            .setLayout(Params.string(p, "layout")).build(), true)));
            case "egress.update-stream" -> updateStream(client, p);
            default -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                    "the egress specialist has no operation '" + request.operation() + "'");
        };
    }

    private static OperationResult started(LiveKitApi client, String method, Message request) {
        // Without a worker the server answers ListEgress at once ("egress not connected") but holds a start
        // until it times out; asking first turns a long wait into a precise, immediate error.
        try {
            client.call(SERVICE, "ListEgress", LivekitEgress.ListEgressRequest.newBuilder().setActive(true).build(),
                    LivekitEgress.ListEgressResponse.parser(), List.of(new RoomRecord(true)), true);
        } catch (LiveKitCallException e) {
            throw new LiveKitCallException(e.code(), method + " not sent: " + e.getMessage(), e.retryable(), e);
        }
        LivekitEgress.EgressInfo info = call(client, method, request, false);
        return OperationResult.success(ProtoJson.toJson(info), Json.object().put("egress-id", info.getEgressId()));
    }

    private static OperationResult list(LiveKitApi client, ObjectNode p) {
        var req = LivekitEgress.ListEgressRequest.newBuilder().setActive(Params.bool(p, "active", false));
        Params.optString(p, "room").ifPresent(req::setRoomName);
        Params.optString(p, "egress-id").ifPresent(req::setEgressId);
        var response = client.call(SERVICE, "ListEgress", req.build(), LivekitEgress.ListEgressResponse.parser(),
                List.of(new RoomRecord(true)), true);
        ArrayNode items = Json.mapper().createArrayNode();
        response.getItemsList().forEach(i -> items.add(ProtoJson.toJson(i)));
        ObjectNode payload = Json.object();
        payload.set("egresses", items);
        return OperationResult.success(payload);
    }

    private static OperationResult updateStream(LiveKitApi client, ObjectNode p) {
        String id = Params.string(p, "egress-id");
        List<String> add = Params.strings(p, "add-urls");
        List<String> remove = Params.strings(p, "remove-urls");
        var info = call(client, "UpdateStream", LivekitEgress.UpdateStreamRequest.newBuilder().setEgressId(id)
                .addAllAddOutputUrls(add).addAllRemoveOutputUrls(remove).build(), false);
        ObjectNode undo = Json.object().put("egress-id", id);
        remove.forEach(undo.putArray("add-urls")::add);
        add.forEach(undo.putArray("remove-urls")::add);
        return OperationResult.success(ProtoJson.toJson(info), undo);
    }

    private static LivekitEgress.EgressInfo call(LiveKitApi client, String method, Message req, boolean idempotent) {
        return client.call(SERVICE, method, req, LivekitEgress.EgressInfo.parser(),
                List.of(new RoomRecord(true)), idempotent);
    }

    @Override
    public synchronized void stop() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
