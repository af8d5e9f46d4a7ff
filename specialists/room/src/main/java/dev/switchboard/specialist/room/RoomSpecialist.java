package dev.switchboard.specialist.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Guarded;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.LiveKitCallException;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * Operates rooms, participants, tracks and agent dispatches on a LiveKit server. Every mutating operation records how
 * to undo itself: {@code room.create} ↔ {@code room.delete} (only for a room it created), updates
 * restore the previous values. Post-conditions check that the effect is really there.
 *
 * <p>Thread-safe after {@link #start}: the LiveKit client is shared and stateless per call.
 */
@Extension
public final class RoomSpecialist implements Specialist {

    private volatile Runtime runtime;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public RoomSpecialist() {
    }

    private record Runtime(LiveKitApi api, Map<String, Function<ObjectNode, OperationResult>> handlers,
            RoomHandlers rooms) {
    }

    @Override
    public String name() {
        return "room";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return RoomDescriptors.ALL;
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (runtime != null) {
            return;
        }
        LiveKitApi api = LiveKitApi.create(LiveKitSettings.from(context), context.time());
        RoomCalls calls = new RoomCalls(api);
        RoomHandlers rooms = new RoomHandlers(calls, new RoomCreationClock(context.time()));
        ParticipantHandlers participants = new ParticipantHandlers(calls);
        AgentDispatchHandlers agents = new AgentDispatchHandlers(api);
        Map<String, Function<ObjectNode, OperationResult>> handlers = Map.ofEntries(
                Map.entry("room.create", rooms::create),
                Map.entry("room.list", rooms::list),
                Map.entry("room.get", rooms::get),
                Map.entry("room.delete", rooms::delete),
                Map.entry("room.update-metadata", rooms::updateMetadata),
                Map.entry("participant.list", participants::list),
                Map.entry("participant.get", participants::get),
                Map.entry("participant.remove", participants::remove),
                Map.entry("participant.update", participants::update),
                Map.entry("track.mute", participants::mute),
                Map.entry("participant.update-subscriptions", participants::subscriptions),
                Map.entry("agent.dispatch", agents::dispatch),
                Map.entry("agent.dispatch-list", agents::list),
                Map.entry("agent.dispatch-delete", agents::delete));
        runtime = new Runtime(api, handlers, rooms);
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        Runtime rt = runtime;
        return Guarded.run(name(), rt != null, context, request, () -> {
            var handler = rt.handlers().get(request.operation());
            return handler == null
                    ? OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                            "the room specialist has no operation '" + request.operation() + "'")
                    : handler.apply(request.params());
        });
    }

    @Override
    public List<Violation> verify(SpecialistContext context, OperationRequest request, OperationResult.Success result) {
        Runtime rt = runtime;
        if (rt == null) {
            return List.of();
        }
        try {
            return switch (request.operation()) {
                case "room.create" -> rt.rooms().verifyCreate(request.params(), result);
                case "room.delete" -> rt.rooms().verifyDelete(request.params());
                case "room.update-metadata" -> rt.rooms().verifyMetadata(request.params());
                default -> List.of();
            };
        } catch (LiveKitCallException e) {
            return List.of(Violation.of("verify.unavailable", "$", "could not verify: " + e.getMessage()));
        }
    }

    @Override
    public synchronized void stop() {
        Runtime rt = runtime;
        runtime = null;
        if (rt != null) {
            rt.api().close();
        }
    }
}
