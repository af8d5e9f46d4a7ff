package dev.switchboard.specialist.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Guarded;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.Violation;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomName;
import java.util.List;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.pf4j.Extension;

/**
 * Sends data packets to the participants of a LiveKit room ({@code data.send}): reliable or lossy,
 * with a topic and optional destination identities. Payloads over the configured limits are
 * refused with the size and the limit (here and by the {@code data-size} gate).
 * Thread-safe after {@link #start}.
 */
@Extension
public final class DataSpecialist implements Specialist {

    static final OperationDescriptor SEND = OperationDescriptor.builder("data.send")
            .description("Sends a data packet to a room's participants (reliable or lossy, topic, destinations).")
            .inputSchema("""
                {"type":"object","required":["room"],"additionalProperties":false,
                 "oneOf":[{"required":["data"]},{"required":["data-base64"]}],
                 "properties":{"room":{"type":"string","minLength":1},
                  "data":{"type":"string","description":"UTF-8 text payload"},
                  "data-base64":{"type":"string","description":"binary payload, base64"},
                  "kind":{"enum":["reliable","lossy"],"default":"reliable"},
                  "topic":{"type":"string","maxLength":256},
                  "destination-identities":{"type":"array","items":{"type":"string","minLength":1}}}}""")
            .build();

    private volatile LiveKitApi api;
    private volatile DataLimits limits = DataLimits.DEFAULT;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public DataSpecialist() {
    }

    @Override
    public String name() {
        return "data";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(SEND);
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (api == null) {
            limits = DataLimits.from(context.config());
            api = LiveKitApi.create(LiveKitSettings.from(context), context.time());
        }
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        LiveKitApi client = api;
        if (!SEND.name().equals(request.operation())) {
            return OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                    "the data specialist has no operation '" + request.operation() + "'");
        }
        return Guarded.run(name(), client != null, context, request, () -> send(client, request.params()));
    }

    private OperationResult send(LiveKitApi client, ObjectNode p) {
        byte[] payload;
        try {
            payload = DataLimits.payload(p);
        } catch (IllegalArgumentException e) {
            return rejected(DataLimits.badBase64(e));
        }
        var tooLarge = limits.checkSize(p, payload.length);
        if (tooLarge.isPresent()) {
            return rejected(tooLarge.get());
        }
        String room = Params.string(p, "room");
        boolean lossy = "lossy".equals(p.path("kind").asText("reliable"));
        LivekitRoom.SendDataRequest.Builder req = LivekitRoom.SendDataRequest.newBuilder()
                .setRoom(room)
                .setData(com.google.protobuf.ByteString.copyFrom(payload))
                .setKind(lossy ? LivekitModels.DataPacket.Kind.LOSSY : LivekitModels.DataPacket.Kind.RELIABLE)
                .addAllDestinationIdentities(Params.strings(p, "destination-identities"));
        Params.optString(p, "topic").ifPresent(req::setTopic);
        client.call("livekit.RoomService", "SendData", req.build(), LivekitRoom.SendDataResponse.parser(),
                List.of(new RoomAdmin(true), new RoomName(room)), false);
        return OperationResult.success(Json.object().put("room", room).put("bytes", payload.length)
                .put("kind", lossy ? "lossy" : "reliable"));
    }

    private static OperationResult rejected(Violation violation) {
        return OperationResult.rejected(FailureCode.INVALID_REQUEST, violation.message(), List.of(violation));
    }

    @Override
    public synchronized void stop() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
