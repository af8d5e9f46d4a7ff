package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User data over {@code _reliable} and {@code _lossy}, with topics and destinations, through a real server. */
class DataChannelTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void reliableToAllAndLossyToOne() throws Exception {
        try (RoomSession alice = join("alice");
             RoomSession bob = join("bob");
             RoomSession carol = join("carol")) {
            var atBob = collect(bob);
            var atCarol = collect(carol);
            SignallingTest.waitUntil(() -> alice.remoteParticipants().size() == 2
                    && bob.remoteParticipants().size() == 2 && carol.remoteParticipants().size() == 2);

            long sent = System.nanoTime();
            alice.sendData(utf8("hello all"), DataOptions.ofReliable().topic("chat"));
            SignallingTest.waitUntil(() -> !atBob.isEmpty() && !atCarol.isEmpty());
            System.out.printf("data: reliable round trip to first receiver %.1f ms%n",
                    (System.nanoTime() - sent) / 1e6);
            for (var inbox : java.util.List.of(atBob, atCarol)) {
                DataMessage m = inbox.poll();
                assertThat(m).isNotNull();
                assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("hello all");
                assertThat(m.topic()).isEqualTo("chat");
                assertThat(m.senderIdentity()).isEqualTo("alice");
                assertThat(m.senderSid()).isEqualTo(alice.localParticipant().sid());
                assertThat(m.reliable()).isTrue();
            }

            alice.sendData(utf8("just bob"), DataOptions.ofLossy().to("bob"));
            alice.sendData(utf8("marker"), DataOptions.ofReliable().topic("end"));
            SignallingTest.waitUntil(() -> atCarol.stream().anyMatch(m -> m.topic().equals("end"))
                    && atBob.stream().anyMatch(m -> m.topic().equals("end")));
            assertThat(atBob).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .contains("just bob", "marker");
            assertThat(atBob).filteredOn(m -> m.topic().isEmpty()).allMatch(m -> !m.reliable());
            assertThat(atCarol).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("marker");
        }
    }

    @Test
    void oversizedPayloadIsRefusedBeforeSending() {
        try (RoomSession alice = join("big")) {
            byte[] tooBig = new byte[RoomSession.MAX_DATA_BYTES + 1];
            assertThatThrownBy(() -> alice.sendData(tooBig, DataOptions.ofReliable()))
                    .isInstanceOf(DataTooLargeException.class)
                    .hasMessageContaining(String.valueOf(RoomSession.MAX_DATA_BYTES + 1));
            alice.sendData(new byte[RoomSession.MAX_DATA_BYTES], DataOptions.ofReliable());
            assertThat(alice.isConnected()).isTrue();
        }
    }

    private static RoomSession join(String identity) {
        return ROOMS.join(identity, "data");
    }

    private static ConcurrentLinkedQueue<DataMessage> collect(RoomSession session) {
        var inbox = new ConcurrentLinkedQueue<DataMessage>();
        session.addListener(new RoomListener() {
            @Override
            public void onData(DataMessage message) {
                inbox.add(message);
            }
        });
        return inbox;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
