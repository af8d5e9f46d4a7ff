package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.testkit.Conditions;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AgentDispatchServiceClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import livekit.LivekitAgentDispatch.AgentDispatch;

/** Helpers for the worker tests: workers, dispatch calls, waiting. */
final class Agents {

    private Agents() {
    }

    static AgentWorkerBuilder worker(RtcRooms rooms, String agentName, JobHandler handler) {
        LiveKitServer server = rooms.server();
        return AgentWorker.builder().url(server.wsUrl()).apiKey(server.apiKey()).apiSecret(server.apiSecret())
                .agentName(agentName).rtc(rooms.client()).handler(handler).statusInterval(Duration.ofMillis(500))
                .drainTimeout(Duration.ofSeconds(2));
    }

    static AgentDispatchServiceClient dispatches(LiveKitServer server) {
        return AgentDispatchServiceClient.createClient(server.httpUrl().toString(), server.apiKey(),
                server.apiSecret().reveal());
    }

    static AgentDispatch dispatch(AgentDispatchServiceClient client, String room, String agent) throws IOException {
        var response = client.createDispatch(room, agent, "meta:" + room).execute();
        if (!response.isSuccessful() || response.body() == null) {
            throw new AssertionError("CreateDispatch failed: HTTP " + response.code());
        }
        return response.body();
    }

    static List<AgentDispatch> list(AgentDispatchServiceClient client, String room) throws IOException {
        var body = client.listDispatch(room).execute().body();
        return body == null ? List.of() : body;
    }

    /** The first remote participant whose identity starts with {@code agent-}, waiting up to 20 s. */
    static Optional<Participant> awaitAgent(RoomSession session) throws InterruptedException {
        Conditions.waitUntil(Duration.ofSeconds(20), () -> session.remoteParticipants().stream()
                .anyMatch(p -> p.identity().startsWith("agent-")));
        return session.remoteParticipants().stream().filter(p -> p.identity().startsWith("agent-")).findFirst();
    }

}
