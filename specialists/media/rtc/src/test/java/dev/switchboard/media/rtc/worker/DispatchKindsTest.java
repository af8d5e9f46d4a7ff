package dev.switchboard.media.rtc.worker;

import static dev.switchboard.media.rtc.worker.Agents.awaitAgent;
import static dev.switchboard.media.rtc.worker.Agents.dispatch;
import static dev.switchboard.testkit.Conditions.waitUntil;
import static dev.switchboard.media.rtc.worker.Agents.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Automatic dispatch (a worker without agent name gets every new room), dispatch from a token's room
 * configuration, a failing handler reported as JS_FAILED, a dropped worker connection that comes back,
 * and refused credentials — against a real livekit-server in a network namespace.
 */
class DispatchKindsTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void automaticDispatchSendsEveryNewRoomToAWorkerWithoutAgentName() throws Exception {
        Map<String, String> rooms = new ConcurrentHashMap<>();
        try (AgentWorker auto = worker(ROOMS, "", AgentWorkerTest.answering("auto", rooms)).build().start();
             RoomSession user = ROOMS.join("visitor", "auto-room")) {
            Participant agent = awaitAgent(user).orElseThrow(() -> new AssertionError("no agent joined auto-room"));
            String[] who = AgentWorkerTest.call(user, agent.identity(), "whoami").split("\\|");
            assertThat(who[0]).isEqualTo("auto");
            assertThat(auto.status().jobs()).singleElement().satisfies(job -> {
                assertThat(job.roomName()).isEqualTo("auto-room");
                assertThat(job.agentName()).isEmpty();
                assertThat(job.type()).isEqualTo(JobType.ROOM);
            });
        }
    }

    @Test
    void aTokenRoomConfigurationDispatchesTheNamedAgentWithItsMetadata() throws Exception {
        var server = ROOMS.server();
        Map<String, String> rooms = new ConcurrentHashMap<>();
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity("caller");
        token.addGrants(new RoomJoin(true), new RoomName("configured-room"));
        token.setRoomConfiguration(RoomConfiguration.newBuilder().addAgents(RoomAgentDispatch.newBuilder()
                .setAgentName("configured").setMetadata("{\"lang\":\"fr\"}")).build());
        try (AgentWorker w = worker(ROOMS, "configured", AgentWorkerTest.answering("cfg", rooms)).build()
                .start();
             RoomSession user = ROOMS.client().connect(ConnectOptions.of(server.wsUrl(),
                     Secret.of("caller", token.toJwt())))) {
            Participant agent = awaitAgent(user).orElseThrow(() -> new AssertionError("no agent joined"));
            assertThat(AgentWorkerTest.call(user, agent.identity(), "whoami")).startsWith("cfg|")
                    .endsWith("|{\"lang\":\"fr\"}");
            assertThat(w.status().jobs()).singleElement().extracting(JobInfo::metadata).isEqualTo("{\"lang\":\"fr\"}");
        }
    }

    @Test
    void aFailingHandlerIsReportedAsFailedWithItsError() throws Exception {
        var server = ROOMS.server();
        var dispatches = Agents.dispatches(server);
        Map<String, String> seen = new ConcurrentHashMap<>();
        JobHandler failing = job -> {
            seen.put(job.job().id(), job.job().roomName());
            throw new IllegalStateException("no voice configured for " + job.job().roomName());
        };
        try (AgentWorker w = worker(ROOMS, "fragile", failing).build().start()) {
            dispatch(dispatches, "fragile-room", "fragile");
            assertThat(waitUntil(Duration.ofSeconds(20), () -> w.status().failed() == 1)).isTrue();
            String jobId = seen.keySet().iterator().next();
            assertThat(waitUntil(Duration.ofSeconds(10), () -> ServerLog.jobEnded(server, jobId, "JS_FAILED")))
                    .as("server log: %s", ServerLog.jobEndLine(server, jobId)).isTrue();
            assertThat(ServerLog.jobEndLine(server, jobId))
                    .contains("IllegalStateException: no voice configured for fragile-room");
            assertThat(w.status().jobs()).isEmpty();
        } finally {
            ServerLog.keep(server, "dispatch-kinds");
        }
    }

    @Test
    void aDroppedWorkerConnectionReconnectsAndTakesJobsAgain() throws Exception {
        Map<String, String> rooms = new ConcurrentHashMap<>();
        try (AgentWorker w = worker(ROOMS, "phoenix", AgentWorkerTest.answering("p", rooms)).build().start()) {
            String firstId = w.status().workerId();
            ((AgentWorkerImpl) w).dropConnection();
            assertThat(waitUntil(Duration.ofSeconds(15), () -> w.status().reconnects() == 1
                    && w.status().state() == WorkerState.REGISTERED)).as("status %s", w.status()).isTrue();
            assertThat(w.status().workerId()).isNotEqualTo(firstId);
            dispatch(Agents.dispatches(ROOMS.server()), "after-reconnect", "phoenix");
            assertThat(waitUntil(Duration.ofSeconds(20), () -> rooms.containsKey("after-reconnect"))).isTrue();
        }
    }

    @Test
    void refusedCredentialsFailTheStartWith401AndNoSecret() {
        var server = ROOMS.server();
        Secret wrong = Secret.of("wrong-secret", "not-the-secret-not-the-secret-not-the-secret");
        AgentWorker w = AgentWorker.builder().url(server.wsUrl()).apiKey(server.apiKey()).apiSecret(wrong)
                .rtc(ROOMS.client()).handler(job -> { }).build();
        assertThatThrownBy(w::start).isInstanceOfSatisfying(WorkerRegistrationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("permission_denied");
            assertThat(e.getMessage()).contains("/agent").doesNotContain(wrong.reveal());
        });
        assertThat(w.status().state()).isEqualTo(WorkerState.CLOSED);
    }
}
