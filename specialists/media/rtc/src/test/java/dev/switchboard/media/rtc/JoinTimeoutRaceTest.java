package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.Conditions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins that time out while the session is still being set up (the server's JoinResponse being applied,
 * PeerConnections created and negotiated on other threads) tear down cleanly: no PeerConnection is left
 * open, no thread dies of an exception (webrtc-java throws "Object handle is null" for any call on a
 * closed PeerConnection), the racers leave the room, and the client still joins and hears audio after.
 * Seen at high load in the echo capacity bench, provoked here with join timeouts of 1–77 ms
 * (a warm join takes tens of ms, so some time out before the JoinResponse and some during the setup).
 */
class JoinTimeoutRaceTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void joinsThatTimeOutMidSetupLeaveNothingBehind() throws Exception {
        List<String> stray = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> stray.add(t.getName() + ": " + e));
        Map<String, Integer> outcomes = new TreeMap<>();
        try (RoomSession observer = ROOMS.join("observer", "race")) {
            int openBefore = PeerTransport.openCount();
            for (int i = 0; i < 40; i++) {
                ConnectOptions options = ConnectOptions.builder(ROOMS.server().wsUrl(),
                        Tokens.join(ROOMS.server(), "racer-" + i, "race"))
                        .joinTimeout(Duration.ofMillis(1 + (i % 20) * 4L)).build();
                try {
                    ROOMS.client().connect(options).close();
                    outcomes.merge("joined", 1, Integer::sum);
                } catch (RtcTimeoutException e) {
                    outcomes.merge("timed out", 1, Integer::sum);
                }
            }
            boolean closed = Conditions.waitUntil(Duration.ofSeconds(10),
                    () -> PeerTransport.openCount() == openBefore);
            boolean left = Conditions.waitUntil(Duration.ofSeconds(15), () -> observer.remoteParticipants().isEmpty());
            System.out.printf("join timeout race: %s; PeerConnections open %d (before %d); participants the observer"
                    + " still sees %s; stray exceptions %s%n", outcomes, PeerTransport.openCount(), openBefore,
                    observer.remoteParticipants().stream().map(Participant::identity).toList(), stray);
            assertThat(outcomes.getOrDefault("timed out", 0)).as("joins that timed out (the race happened)")
                    .isGreaterThan(3);
            assertThat(closed).as("every PeerConnection of a timed-out join was closed").isTrue();
            assertThat(left).as("every racer left the room").isTrue();
            assertThat(stray).as("exceptions that killed a thread").isEmpty();

            try (RoomSession speaker = ROOMS.join("speaker", "race")) {
                List<Double> levels = new CopyOnWriteArrayList<>();
                observer.addListener(new RoomListener() {
                    @Override
                    public void onAudioFrame(AudioFrame frame) {
                        levels.add(Tones.rms(frame.samples()));
                    }
                });
                speaker.publishAudio("tone").write(Tones.sine(440, 48_000, 48_000, 0.3));
                assertThat(Conditions.waitUntil(Duration.ofSeconds(10), () -> levels.stream().anyMatch(l -> l > 1000)))
                        .as("the client still joins, publishes and is heard").isTrue();
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }
}
