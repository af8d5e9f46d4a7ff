package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Secret;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Joins, refused joins and leave against a real livekit-server in a network namespace. */
class SignallingTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void joinsAndSeesTheOtherParticipant() {
        try (RoomSession alice = ROOMS.join("alice", "join-room");
             RoomSession bob = ROOMS.join("bob", "join-room")) {
            System.out.println("join time alice=" + alice.joinDuration().toMillis() + " ms, bob="
                    + bob.joinDuration().toMillis() + " ms, server " + alice.serverVersion());
            assertThat(alice.localParticipant().identity()).isEqualTo("alice");
            assertThat(alice.localParticipant().sid()).startsWith("PA_");
            assertThat(alice.roomName()).isEqualTo("join-room");
            assertThat(bob.remoteParticipants()).extracting(Participant::identity).containsExactly("alice");
            assertThat(alice.isConnected()).isTrue();
        }
    }

    @Test
    void leaveIsSeenByTheOtherParticipant() throws Exception {
        var joined = new CopyOnWriteArrayList<String>();
        var left = new CopyOnWriteArrayList<String>();
        try (RoomSession alice = ROOMS.join("alice2", "leave")) {
            alice.addListener(new RoomListener() {
                @Override
                public void onParticipantJoined(Participant participant) {
                    joined.add(participant.identity());
                }

                @Override
                public void onParticipantLeft(Participant participant) {
                    left.add(participant.identity());
                }
            });
            RoomSession bob = ROOMS.join("bob2", "leave");
            // the server announces a participant once its PeerConnection is up (ACTIVE)
            waitUntil(() -> joined.contains("bob2"));
            bob.close();
            assertThat(bob.isConnected()).isFalse();
            waitUntil(() -> !left.isEmpty());
            assertThat(left).containsExactly("bob2");
            assertThat(alice.remoteParticipants()).isEmpty();
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void badTokenIsRefusedWith401AndReason() {
        Secret forged = Tokens.forged(ROOMS.server(), "mallory", "join-room");
        assertThatThrownBy(() -> ROOMS.client().connect(ConnectOptions.of(ROOMS.server().wsUrl(), forged)))
                .isInstanceOfSatisfying(JoinRefusedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("permission_denied");
                    assertThat(e.reason()).isNotBlank();
                    assertThat(e.getMessage()).doesNotContain(forged.reveal());
                    System.out.println("refused: " + e.getMessage());
                });
    }

    @Test
    void serverDownIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nothing = URI.create("ws://127.0.0.1:" + port);
        Secret token = Tokens.join(ROOMS.server(), "x", "y");
        assertThatThrownBy(() -> ROOMS.client().connect(ConnectOptions.of(nothing, token)))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }
}
