package dev.switchboard.media.rtc.worker;

import static dev.switchboard.media.rtc.worker.Agents.awaitAgent;
import static dev.switchboard.media.rtc.worker.Agents.dispatch;
import static dev.switchboard.testkit.Conditions.waitUntil;
import static dev.switchboard.media.rtc.worker.Agents.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RpcException;
import dev.switchboard.media.rtc.RtcRooms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Java agent workers with the same agent name against a real livekit-server (in a network
 * namespace, since each job joins its room over WebRTC): explicit dispatches spread over both by load,
 * every job's participant really joins and answers in its room, job status reaches the server, and a
 * draining worker gets no new jobs.
 */
class AgentWorkerTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    /** Records which worker ran which room, answers "whoami" and ends on "finish". */
    static JobHandler answering(String tag, Map<String, String> roomToWorker) {
        return job -> {
            job.room().registerRpcMethod("whoami", (caller, payload) -> tag + "|" + job.job().id() + "|"
                    + job.job().metadata());
            job.room().registerRpcMethod("finish", (caller, payload) -> {
                // end after the answer is on its way, or the caller sees the agent leave instead
                Thread.ofVirtual().start(() -> {
                    job.awaitShutdown(Duration.ofMillis(300));
                    job.shutdown("asked to finish by " + caller);
                });
                return "bye";
            });
            roomToWorker.put(job.job().roomName(), tag);
            job.awaitShutdown();
        };
    }

    /** Calls {@code method} on {@code identity}, retrying while the handler has not registered it yet. */
    static String call(RoomSession session, String identity, String method) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return session.performRpc(identity, method, "", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RpcException r) || r.rpcCode() != RpcException.UNSUPPORTED_METHOD
                        || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void twoWorkersShareTheJobsAndADrainingWorkerGetsNoNewOnes() throws Exception {
        var server = ROOMS.server();
        var dispatches = Agents.dispatches(server);
        Map<String, String> roomToWorker = new ConcurrentHashMap<>();
        List<RoomSession> users = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        try (AgentWorker a = worker(ROOMS, "spread", answering("A", roomToWorker)).maxJobs(2).build().start();
             AgentWorker b = worker(ROOMS, "spread", answering("B", roomToWorker)).maxJobs(2).build().start()) {
            assertThat(a.status().state()).isEqualTo(WorkerState.REGISTERED);
            assertThat(a.status().workerId()).isNotBlank().isNotEqualTo(b.status().workerId());
            Map<String, AgentWorker> byTag = Map.of("A", a, "B", b);

            List<String> rooms = List.of("spread-1", "spread-2", "spread-3", "spread-4");
            long started = System.nanoTime();
            for (String room : rooms) {
                dispatch(dispatches, room, "spread");
            }
            assertThat(waitUntil(Duration.ofSeconds(30), () -> roomToWorker.size() == 4))
                    .as("4 jobs started, got %s", roomToWorker).isTrue();
            System.out.printf("worker: 4 dispatches to 4 running jobs in %.0f ms, spread %s%n",
                    (System.nanoTime() - started) / 1e6, roomToWorker);
            // maxJobs 2 and load threshold 0.7: each worker is full after two jobs, so the other gets the rest
            assertThat(roomToWorker.values().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()))).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2L, "B", 2L));
            assertThat(a.status().jobs()).hasSize(2);
            assertThat(a.status().load()).isEqualTo(1.0);

            for (String room : rooms) {
                RoomSession user = ROOMS.join("user-" + room, room);
                users.add(user);
                Participant agent = awaitAgent(user).orElseThrow(() -> new AssertionError("no agent in " + room));
                String[] who = call(user, agent.identity(), "whoami").split("\\|");
                assertThat(who[0]).isEqualTo(roomToWorker.get(room));
                assertThat(agent.identity()).isEqualTo("agent-" + who[1]);
                assertThat(who[2]).isEqualTo("meta:" + room);
                jobIds.add(who[1]);
            }

            for (int i = 0; i < rooms.size(); i++) {
                RoomSession user = users.get(i);
                assertThat(call(user, awaitAgent(user).orElseThrow().identity(), "finish")).isEqualTo("bye");
            }
            assertThat(waitUntil(Duration.ofSeconds(15), () -> a.status().jobs().isEmpty()
                    && b.status().jobs().isEmpty())).isTrue();
            assertThat(a.status().succeeded() + b.status().succeeded()).isEqualTo(4);
            for (String id : jobIds) {
                assertThat(waitUntil(Duration.ofSeconds(10), () -> ServerLog.jobEnded(server, id, "JS_SUCCESS")))
                        .as("the server logged job %s as ended with JS_SUCCESS", id).isTrue();
            }

            assertThat(a.drain(Duration.ofSeconds(1))).isTrue();
            assertThat(a.status().state()).isEqualTo(WorkerState.DRAINING);
            Thread.sleep(1_000); // let the server take in A's WS_FULL status
            roomToWorker.clear();
            for (String room : List.of("spread-5", "spread-6")) {
                dispatch(dispatches, room, "spread");
            }
            assertThat(waitUntil(Duration.ofSeconds(30), () -> roomToWorker.size() == 2)).isTrue();
            assertThat(roomToWorker).containsOnly(Map.entry("spread-5", "B"), Map.entry("spread-6", "B"));
            assertThat(a.status().jobs()).isEmpty();
            assertThat(a.status().reconnects() + b.status().reconnects()).as("pings keep the sockets alive").isZero();
            assertThat(a.stop(Duration.ofSeconds(1))).isTrue();
            assertThat(a.status().state()).isEqualTo(WorkerState.CLOSED);
        } finally {
            ServerLog.keep(server, "two-workers");
            users.forEach(RoomSession::close);
        }
    }
}
