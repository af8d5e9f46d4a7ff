package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SimulateScenario;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rejoin seen by a client nobody here wrote: the official Python SDK listens while the Java participant
 * plays 440 Hz, the server drops the Java participant (LiveKit's node-failure simulation), Java's resume is
 * refused and it rejoins; the Python peer must subscribe to the republished track (new sid, same
 * {@link LocalAudioTrack} object) and hear 440 Hz from it. Needs the venv of {@link PythonInteropTest}
 * (same skip switch).
 */
class PythonRejoinInteropTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void pythonHearsTheRepublishedTrackAfterAJavaRejoin() throws Exception {
        if ("1".equals(System.getenv("SWITCHBOARD_SKIP_PYTHON_INTEROP"))) {
            System.out.println("python rejoin interop: skipped (SWITCHBOARD_SKIP_PYTHON_INTEROP=1)");
            Assumptions.abort("SWITCHBOARD_SKIP_PYTHON_INTEROP=1");
        }
        Path python = PythonPeer.python().orElseThrow(() -> new AssertionError(
                "no Python venv with the livekit SDK at " + PythonPeer.expectedPython()
                        + ": run scripts/setup.d/40-python-livekit.sh"
                        + " (or set SWITCHBOARD_SKIP_PYTHON_INTEROP=1 to skip this test)"));
        var changes = new ConcurrentLinkedQueue<ConnectionChange>();
        AtomicBoolean speaking = new AtomicBoolean(true);
        try (RtcClient client = RtcClient.create();
             RoomSession java = client.connect(Tokens.options(LIVEKIT.server(), "java", "rejoin-interop"))) {
            java.addListener(new RoomListener() {
                @Override
                public void onConnectionChanged(ConnectionChange change) {
                    changes.add(change);
                }
            });
            LocalAudioTrack track = java.publishAudio("java-tone");
            String trackBefore = track.trackSid();
            Thread speaker = Thread.ofVirtual().start(() -> {
                short[] second = Tones.sine(440, 48_000, 48_000, 0.4);
                while (speaking.get()) {
                    track.write(second);
                }
            });
            try (PythonPeer peer = PythonPeer.start(python, LIVEKIT.server().wsUrl(),
                    Tokens.join(LIVEKIT.server(), "py", "rejoin-interop"),
                    List.of("--tone-hz", "660", "--seconds", "9", "--max-seconds", "40"))) {
                await(20, () -> !subscriptions(peer).isEmpty());
                assertThat(subscriptions(peer)).as("python subscribed; stderr:%n%s", peer.stderr()).isNotEmpty();
                Thread.sleep(1_000);
                long failed = System.nanoTime();
                ((RoomSessionImpl) java).sendSignal(SignalRequest.newBuilder()
                        .setSimulate(SimulateScenario.newBuilder().setNodeFailure(true)).build());
                await(20, () -> changes.stream().anyMatch(c -> c instanceof ConnectionChange.Rejoined));
                long rejoined = System.nanoTime();
                await(15, () -> subscriptions(peer).contains(track.trackSid()));
                long resubscribed = System.nanoTime();
                int exit = peer.awaitExit(40);
                List<JsonNode> results = peer.events("result");
                System.out.printf("python rejoin interop: java rejoined %d ms after the failure, python subscribed"
                                + " to the new track %d ms after the failure, python hears %s, java events %s%n",
                        (rejoined - failed) / 1_000_000, (resubscribed - failed) / 1_000_000, results, changes);
                assertThat(exit).as("python peer exit code; stderr:%n%s", peer.stderr()).isZero();
                assertThat(track.trackSid()).isNotEqualTo(trackBefore);
                assertThat(subscriptions(peer)).as("python subscribed to the old and the republished track")
                        .contains(trackBefore, track.trackSid());
                assertThat(results).as("python's result (its last two seconds: after the rejoin)").anySatisfy(r -> {
                    assertThat(r.path("participant").asText()).isEqualTo("java");
                    assertThat(r.path("dominant_hz").asDouble()).isCloseTo(440, within(10.0));
                    assertThat(r.path("rms").asDouble()).isGreaterThan(2_000);
                });
            } finally {
                speaking.set(false);
                track.clear();
                speaker.join(3_000);
            }
        }
    }

    private static List<String> subscriptions(PythonPeer peer) {
        return peer.events("subscribed").stream().filter(e -> e.path("participant").asText().equals("java"))
                .map(e -> e.path("track").asText()).toList();
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
