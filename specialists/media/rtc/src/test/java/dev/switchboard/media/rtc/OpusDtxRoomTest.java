package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DTX really is negotiated with the real server, not only written into the answer: while the published
 * track is silent the sender's RTP packet rate (WebRTC's outbound-rtp statistics) drops from 50 packets a
 * second to Opus DTX's few, and comes back when it speaks.
 */
class OpusDtxRoomTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void aSilentTrackSendsFewPacketsAndASpeakingOneFifty() throws Exception {
        try (RoomSession listener = ROOMS.join("ear", "dtx");
             RoomSession speaker = ROOMS.join("mouth", "dtx")) {
            LocalAudioTrackImpl track = (LocalAudioTrackImpl) speaker.publishAudio("voice");
            Thread.sleep(1_500);                      // silence: DTX settles
            double silent = rate(track, 3_000, false);
            double speaking = rate(track, 2_000, true);
            System.out.printf("opus dtx: %.1f RTP packets/s while silent, %.1f while a tone plays%n", silent, speaking);
            assertThat(speaking).as("packets/s with a tone (20 ms Opus frames)").isGreaterThan(40);
            assertThat(silent).as("packets/s while silent (DTX)").isLessThan(15);
            assertThat(listener.isConnected()).isTrue();
        }
    }

    /** RTP packets per second over {@code millis}, playing a tone or silence. */
    private static double rate(LocalAudioTrackImpl track, long millis, boolean tone) throws InterruptedException {
        if (tone) {
            Thread.ofVirtual().start(() -> track.write(Tones.sine(440, 48_000, (int) (48 * (millis + 500)), 0.3)));
            Thread.sleep(300);
        }
        long before = track.packetsSent();
        long start = System.nanoTime();
        Thread.sleep(millis);
        long sent = track.packetsSent() - before;
        return sent / ((System.nanoTime() - start) / 1e9);
    }
}
