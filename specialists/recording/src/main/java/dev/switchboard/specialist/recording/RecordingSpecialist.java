package dev.switchboard.specialist.recording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.RtcException;
import dev.switchboard.specialist.common.InvalidParamException;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.LiveKitCallException;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import io.livekit.server.RoomRecord;
import java.nio.file.Path;
import java.util.List;
import livekit.LivekitEgress;
import org.pf4j.Extension;

/**
 * {@code recording.start|stop|list}. Backend {@code embedded} (the default) joins the room as a hidden
 * participant and writes one WAV per audio track plus {@code manifest.json} under the configured
 * {@code directory}; backend {@code egress} starts an audio-only LiveKit room-composite egress (which needs an
 * egress worker; without one the start fails at once with {@code unavailable}). Every start is compensated by
 * {@code recording.stop}. Thread-safe after {@link #start}.
 */
@Extension
public final class RecordingSpecialist implements Specialist {

    private static final String EGRESS = "livekit.Egress";
    private volatile LiveKitApi api;
    private volatile EmbeddedRecordings embedded;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public RecordingSpecialist() {
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return RecordingDescriptors.ALL;
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (api == null) {
            LiveKitSettings settings = LiveKitSettings.from(context);
            String dir = context.config().path("directory").asText("recordings");
            api = LiveKitApi.create(settings, context.time());
            embedded = new EmbeddedRecordings(settings, Path.of(dir), context.time());
        }
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        LiveKitApi client = api;
        EmbeddedRecordings local = embedded;
        if (client == null || local == null) {
            return OperationResult.failure(FailureCode.UNAVAILABLE, "the recording specialist is not started");
        }
        ObjectNode p = request.params();
        try {
            return switch (request.operation()) {
                case "recording.start" -> start(client, local, p);
                case "recording.stop" -> stop(client, local, Params.string(p, "recording-id"));
                case "recording.list" -> OperationResult.success(local.list(Params.optString(p, "room")));
                default -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                        "the recording specialist has no operation '" + request.operation() + "'");
            };
        } catch (InvalidParamException e) {
            return e.toFailure();
        } catch (LiveKitCallException e) {
            return e.toFailure();
        } catch (RtcException e) {
            return OperationResult.failure(e.code(), e.getMessage());
        }
    }

    private static OperationResult start(LiveKitApi client, EmbeddedRecordings local, ObjectNode p) {
        String room = Params.string(p, "room");
        String backend = Params.optString(p, "backend").orElse("embedded");
        return switch (backend) {
            case "embedded" -> {
                ObjectNode out = local.start(room);
                yield OperationResult.success(out, Json.object().put("recording-id", out.get("recording-id").asText()));
            }
            case "egress" ->
                    startEgress(client, room, Params.optString(p, "file-path").orElse("{room_name}-{time}.ogg"));
            default -> throw Params.invalid("backend", "must be 'embedded' or 'egress', not '" + backend + "'");
        };
    }

    private static OperationResult startEgress(LiveKitApi client, String room, String path) {
        try {
            client.call(EGRESS, "ListEgress", LivekitEgress.ListEgressRequest.newBuilder().setActive(true).build(),
                    LivekitEgress.ListEgressResponse.parser(), List.of(new RoomRecord(true)), true);
        } catch (LiveKitCallException e) {
            throw new LiveKitCallException(e.code(), "recording.start (egress) not sent: " + e.getMessage(),
                    e.retryable(), e);
        }
        var request = LivekitEgress.RoomCompositeEgressRequest.newBuilder().setRoomName(room).setAudioOnly(true)
                .addFileOutputs(LivekitEgress.EncodedFileOutput.newBuilder()
                        .setFileType(LivekitEgress.EncodedFileType.OGG).setFilepath(path)).build();
        var info = client.call(EGRESS, "StartRoomCompositeEgress", request, LivekitEgress.EgressInfo.parser(),
                List.of(new RoomRecord(true)), false);
        return OperationResult.success(Json.object().put("recording-id", info.getEgressId()).put("backend", "egress")
                .put("room", room), Json.object().put("recording-id", info.getEgressId()));
    }

    private static OperationResult stop(LiveKitApi client, EmbeddedRecordings local, String id) {
        if (id.startsWith("EG_")) {
            var info = client.call(EGRESS, "StopEgress", LivekitEgress.StopEgressRequest.newBuilder()
                    .setEgressId(id).build(), LivekitEgress.EgressInfo.parser(), List.of(new RoomRecord(true)), true);
            return OperationResult.success(Json.object().put("recording-id", id).put("backend", "egress")
                    .put("status", info.getStatus().name()));
        }
        return local.stop(id).<OperationResult>map(OperationResult::success).orElseGet(() -> OperationResult.failure(
                FailureCode.NOT_FOUND, "no embedded recording '" + id + "' in this specialist"));
    }

    @Override
    public synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
