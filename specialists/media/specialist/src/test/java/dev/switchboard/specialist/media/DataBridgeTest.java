package dev.switchboard.specialist.media;

import static dev.switchboard.specialist.media.Embedded.ok;
import static dev.switchboard.specialist.media.Embedded.run;
import static dev.switchboard.testkit.Conditions.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.DataMessage;
import dev.switchboard.media.rtc.DataOptions;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data bridge end to end through the embedded coordinator and a real room: the host subscribes,
 * a Java participant publishes, the host's {@code Switchboard.listen} listener gets the messages of its
 * topics (and only those); the host publishes, the participant receives; after unsubscribing nothing
 * more arrives. Real livekit-server in a network namespace.
 */
class DataBridgeTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void roomDataReachesTheHostsListenerAndTheHostsDataReachesTheRoom(@TempDir Path dir) throws Exception {
        var server = LIVEKIT.server();
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        List<DataMessage> atAlice = new CopyOnWriteArrayList<>();
        try (Switchboard sb = Embedded.switchboard(server, dir);
             RtcClient rtc = RtcClient.create();
             RoomSession alice = Embedded.join(server, rtc, "alice", "bridge-room")) {
            sb.listen(e -> {
                if (e.type().startsWith("data.")) {
                    events.add(e);
                }
            });
            alice.addListener(new RoomListener() {
                @Override
                public void onData(DataMessage message) {
                    atAlice.add(message);
                }
            });
            long joinStart = System.nanoTime();
            ObjectNode sub = ok(sb, "data.subscribe", Json.object().put("room", "bridge-room")
                    .set("topics", Json.mapper().createArrayNode().add("chat")));
            System.out.printf("bridge: data.subscribe joined in %.0f ms%n", (System.nanoTime() - joinStart) / 1e6);
            assertThat(sub.path("identity").asText()).isEqualTo("switchboard-bridge-bridge-room");
            assertThat(alice.remoteParticipants()).as("the bridge participant is hidden").isEmpty();

            long sent = System.nanoTime();
            alice.sendData(utf8("hello host"), DataOptions.ofReliable().topic("chat"));
            alice.sendData(utf8("not for the host"), DataOptions.ofReliable().topic("other"));
            alice.sendData(new byte[] {(byte) 0xff, 0x00, 0x10}, DataOptions.ofReliable().topic("chat"));
            assertThat(waitUntil(Duration.ofSeconds(10), () -> received(events).size() == 2)).isTrue();
            System.out.printf("bridge: participant → host listener %.1f ms%n", (System.nanoTime() - sent) / 1e6);
            Thread.sleep(300);
            List<SwitchboardEvent> got = received(events);
            assertThat(got).hasSize(2);
            assertThat(got.get(0).source()).isEqualTo("media");
            assertThat(got.get(0).data().path("payload").asText()).isEqualTo("hello host");
            assertThat(got.get(0).data().path("sender").asText()).isEqualTo("alice");
            assertThat(got.get(0).data().path("topic").asText()).isEqualTo("chat");
            assertThat(got.get(0).data().path("room").asText()).isEqualTo("bridge-room");
            assertThat(got.get(1).data().has("payload")).as("binary payloads come as base64 only").isFalse();
            assertThat(got.get(1).data().path("payload-base64").asText()).isEqualTo("/wAQ");

            ObjectNode published = ok(sb, "data.publish", Json.object().put("room", "bridge-room")
                    .put("data", "hi alice").put("topic", "reply"));
            assertThat(published.path("bytes").asInt()).isEqualTo(8);
            assertThat(waitUntil(Duration.ofSeconds(10), () -> !atAlice.isEmpty())).isTrue();
            DataMessage reply = atAlice.getFirst();
            assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo("hi alice");
            assertThat(reply.topic()).isEqualTo("reply");
            assertThat(reply.senderIdentity()).as("LiveKit does not name a hidden sender").isEmpty();
            assertThat(reply.reliable()).isTrue();

            ObjectNode left = ok(sb, "data.unsubscribe", Json.object().put("room", "bridge-room"));
            assertThat(left.path("was-subscribed").asBoolean()).isTrue();
            assertThat(left.path("received").asLong()).isEqualTo(2);
            alice.sendData(utf8("too late"), DataOptions.ofReliable().topic("chat"));
            Thread.sleep(1_000);
            assertThat(received(events)).hasSize(2);
            assertThat(events).noneMatch(e -> e.type().equals("data.bridge.closed"));
            assertThat(ok(sb, "data.unsubscribe", Json.object().put("room", "bridge-room"))
                    .path("was-subscribed").asBoolean()).isFalse();

            ok(sb, "data.subscribe", Json.object().put("room", "bridge-room").put("identity", "host-app")
                    .put("hidden", false));
            assertThat(waitUntil(Duration.ofSeconds(10), () -> alice.remoteParticipants().stream()
                    .anyMatch(p -> p.identity().equals("host-app")))).as("a visible bridge is seen").isTrue();
            ok(sb, "data.publish", Json.object().put("room", "bridge-room").put("data", "named").put("kind", "lossy")
                    .set("destination-identities", Json.mapper().createArrayNode().add("alice")));
            assertThat(waitUntil(Duration.ofSeconds(10), () -> atAlice.size() == 2)).isTrue();
            assertThat(atAlice.get(1).senderIdentity()).isEqualTo("host-app");
            assertThat(atAlice.get(1).reliable()).isFalse();
        }
    }

    @Test
    void publishingWithoutABridgeOrTooMuchIsRefusedWithThePath(@TempDir Path dir) throws Exception {
        var server = LIVEKIT.server();
        try (Switchboard sb = Embedded.switchboard(server, dir)) {
            OperationResult none = run(sb, "data.publish", Json.object().put("room", "nobody-here").put("data", "x"));
            assertThat(none).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo(FailureCode.NOT_FOUND);
                assertThat(f.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.room"));
            });
            ok(sb, "data.subscribe", Json.object().put("room", "big-room"));
            OperationResult big = run(sb, "data.publish", Json.object().put("room", "big-room")
                    .put("data", "x".repeat(60_001)));
            assertThat(big).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
                assertThat(f.violations()).anySatisfy(v -> assertThat(v.path()).isEqualTo("$.data"));
            });
            OperationResult bad = run(sb, "data.publish", Json.object().put("room", "big-room")
                    .put("data-base64", "%%%"));
            assertThat(bad).isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.violations()).anySatisfy(v -> assertThat(v.path()).isEqualTo("$.data-base64")));
        }
    }

    private static List<SwitchboardEvent> received(List<SwitchboardEvent> events) {
        return events.stream().filter(e -> e.type().equals("data.received")).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
