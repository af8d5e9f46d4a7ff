package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import org.junit.jupiter.api.Test;

/** Sequence numbers, the bounded replay buffer, and what a resume or a rejoin re-sends. */
class ReliableReplayTest {

    private final List<DataPacket> wire = new ArrayList<>();
    private final ReliableReplay.Channel channel = (bytes, reliable) -> wire.add(parse(bytes));

    @Test
    void reliablePacketsAreNumberedFromOneAndLossyOnesAreNot() {
        ReliableReplay replay = new ReliableReplay(8);
        replay.use(channel);
        replay.send(packet("a"), true);
        replay.send(packet("b"), false);
        replay.send(packet("c"), true);
        assertThat(wire).extracting(DataPacket::getSequence).containsExactly(1, 0, 2);
    }

    @Test
    void resumeResendsOnlyWhatTheServerHasNotSeenAndWhatWaitedMeanwhile() {
        ReliableReplay replay = new ReliableReplay(8);
        replay.use(channel);
        for (String s : List.of("1", "2", "3", "4")) {
            replay.send(packet(s), true);
        }
        replay.pause();
        replay.send(packet("5"), true);
        replay.send(packet("lossy"), false);
        assertThat(replay.waiting()).isEqualTo(1);
        assertThat(wire).hasSize(4);
        wire.clear();

        int resent = replay.resume(channel, 2);
        assertThat(resent).isEqualTo(3);
        assertThat(wire).extracting(p -> p.getUser().getPayload().toStringUtf8()).containsExactly("3", "4", "5");
        assertThat(wire).extracting(DataPacket::getSequence).containsExactly(3, 4, 5);
        replay.send(packet("6"), true);
        assertThat(wire.getLast().getSequence()).isEqualTo(6);
    }

    @Test
    void rejoinSendsOnlyThePacketsThatNeverWentOut() {
        ReliableReplay replay = new ReliableReplay(8);
        replay.use(channel);
        replay.send(packet("sent"), true);
        replay.pause();
        replay.send(packet("waited"), true);
        wire.clear();
        assertThat(replay.rejoined(channel)).isEqualTo(1);
        assertThat(wire).extracting(p -> p.getUser().getPayload().toStringUtf8()).containsExactly("waited");
        wire.clear();
        assertThat(replay.resume(channel, 0)).as("only what went out after the rejoin is kept").isEqualTo(1);
    }

    @Test
    void keepsAtMostCapacityAndRefusesMoreWaitingPacketsWithAClearError() {
        ReliableReplay replay = new ReliableReplay(3);
        replay.use(channel);
        for (int i = 0; i < 10; i++) {
            replay.send(packet("p" + i), true);
        }
        wire.clear();
        assertThat(replay.resume(channel, 0)).isEqualTo(3);
        assertThat(wire).extracting(DataPacket::getSequence).containsExactly(8, 9, 10);
        replay.pause();
        for (int i = 0; i < 3; i++) {
            replay.send(packet("w" + i), true);
        }
        assertThatThrownBy(() -> replay.send(packet("too many"), true)).isInstanceOf(RtcStateException.class)
                .hasMessageContaining("replayPackets");
    }

    @Test
    void keepsAtMostAMebibyteOfSentPackets() {
        ReliableReplay replay = new ReliableReplay(256);
        replay.use(channel);
        byte[] big = new byte[RoomSession.MAX_DATA_BYTES];
        for (int i = 0; i < 40; i++) {
            replay.send(DataPacket.newBuilder().setUser(UserPacket.newBuilder()
                    .setPayload(ByteString.copyFrom(big))), true);
        }
        wire.clear();
        int kept = replay.resume(channel, 0);
        assertThat(kept).isBetween(16, 17);
        assertThat((long) kept * RoomSession.MAX_DATA_BYTES).isLessThanOrEqualTo(ReliableReplay.SENT_BYTES);
        assertThat(wire.getLast().getSequence()).isEqualTo(40);
    }

    @Test
    void aFailedResendKeepsEverythingForTheNextAttempt() {
        ReliableReplay replay = new ReliableReplay(8);
        replay.use(channel);
        replay.send(packet("x"), true);
        replay.pause();
        assertThatThrownBy(() -> replay.resume((bytes, reliable) -> {
            throw new RtcStateException("channel closed");
        }, 0)).isInstanceOf(RtcStateException.class);
        wire.clear();
        assertThat(replay.resume(channel, 0)).isEqualTo(1);
    }

    private static DataPacket.Builder packet(String text) {
        return DataPacket.newBuilder().setUser(UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8(text)));
    }

    private static DataPacket parse(byte[] bytes) {
        try {
            return DataPacket.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
