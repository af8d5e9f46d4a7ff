package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interop with a client nobody here wrote: the official LiveKit Python SDK (PyPI {@code livekit}, with its
 * Rust FFI core) joins the same real server. The Java participant publishes 440 Hz and the Python peer
 * 660 Hz; each must hear the other's tone, and data messages cross both ways with topic and sender.
 * Needs the venv from {@code scripts/setup.d/40-python-livekit.sh}: without it the test fails, unless
 * {@code SWITCHBOARD_SKIP_PYTHON_INTEROP=1} asks to skip it.
 */
class PythonInteropTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void javaAndPythonHearEachOtherAndExchangeData() throws Exception {
        if ("1".equals(System.getenv("SWITCHBOARD_SKIP_PYTHON_INTEROP"))) {
            System.out.println("python interop: skipped (SWITCHBOARD_SKIP_PYTHON_INTEROP=1)");
            Assumptions.abort("SWITCHBOARD_SKIP_PYTHON_INTEROP=1");
        }
        Path python = PythonPeer.python().orElseThrow(() -> new AssertionError(
                "no Python venv with the livekit SDK at " + PythonPeer.expectedPython()
                        + ": run scripts/setup.d/40-python-livekit.sh"
                        + " (or set SWITCHBOARD_SKIP_PYTHON_INTEROP=1 to skip this test)"));
        var frames = new ConcurrentLinkedQueue<AudioFrame>();
        var inbox = new ConcurrentLinkedQueue<DataMessage>();
        AtomicBoolean speaking = new AtomicBoolean(true);
        try (RtcClient client = RtcClient.create();
             RoomSession java = client.connect(Tokens.options(LIVEKIT.server(), "java", "interop"))) {
            java.addListener(new RoomListener() {
                @Override
                public void onAudioFrame(AudioFrame frame) {
                    frames.add(frame);
                }

                @Override
                public void onData(DataMessage message) {
                    inbox.add(message);
                }
            });
            LocalAudioTrack track = java.publishAudio("java-tone");
            Thread speaker = Thread.ofVirtual().start(() -> {
                short[] second = Tones.sine(440, 48_000, 48_000, 0.4);
                while (speaking.get()) {
                    track.write(second);
                }
            });
            long started = System.nanoTime();
            try (PythonPeer peer = PythonPeer.start(python, LIVEKIT.server().wsUrl(),
                    Tokens.join(LIVEKIT.server(), "py", "interop"),
                    List.of("--tone-hz", "660", "--seconds", "6", "--max-seconds", "30"))) {
                waitUntil(() -> !peer.events("joined").isEmpty(), 20);
                long joined = System.nanoTime();
                assertThat(peer.events("joined")).as("python joined; stderr:%n%s", peer.stderr()).isNotEmpty();
                waitUntil(() -> {
                    java.sendData("hello from java".getBytes(StandardCharsets.UTF_8),
                            DataOptions.ofReliable().topic("from-java"));
                    return peer.events("data").stream().anyMatch(e -> e.path("topic").asText().equals("from-java"));
                }, 15);
                int exit = peer.awaitExit(40);
                String stderr = peer.stderr();
                speaking.set(false);
                List<JsonNode> results = peer.events("result");
                double javaHz = javaHeard(frames);
                System.out.printf("python interop: python joined %d ms after start, python hears %s,"
                                + " java hears %.0f Hz from %d frames, data java->python %d, python->java %d%n",
                        (joined - started) / 1_000_000, results, javaHz, frames.size(),
                        peer.events("data").size(), inbox.size());
                assertThat(exit).as("python peer exit code; stderr:%n%s", stderr).isZero();
                assertThat(results).as("python's result; stderr:%n%s", stderr)
                        .anySatisfy(r -> {
                            assertThat(r.path("participant").asText()).isEqualTo("java");
                            assertThat(r.path("dominant_hz").asDouble()).isCloseTo(440, within(10.0));
                            assertThat(r.path("rms").asDouble()).isGreaterThan(2_000);
                        });
                assertThat(peer.events("data")).anySatisfy(e -> {
                    assertThat(e.path("payload").asText()).isEqualTo("hello from java");
                    assertThat(e.path("topic").asText()).isEqualTo("from-java");
                    assertThat(e.path("sender").asText()).isEqualTo("java");
                });
                assertThat(javaHz).isCloseTo(660, within(10.0));
                assertJavaReceivedPythonsData(inbox);
            } finally {
                speaking.set(false);
                track.clear();
                speaker.join(3_000);
            }
        }
    }

    private static void assertJavaReceivedPythonsData(ConcurrentLinkedQueue<DataMessage> inbox) {
        assertThat(inbox).anySatisfy(m -> {
            assertThat(new String(m.payload(), StandardCharsets.UTF_8)).startsWith("hello from python");
            assertThat(m.topic()).isEqualTo("from-python");
            assertThat(m.senderIdentity()).isEqualTo("py");
        });
        assertThat(inbox).anySatisfy(m -> {
            assertThat(new String(m.payload(), StandardCharsets.UTF_8))
                    .isEqualTo("python heard: hello from java");
            assertThat(m.topic()).isEqualTo("from-python-reply");
            assertThat(m.senderIdentity()).isEqualTo("py");
        });
    }

    /** Dominant frequency of the python peer's audio over its last loud two seconds, as Java received it. */
    private static double javaHeard(ConcurrentLinkedQueue<AudioFrame> frames) {
        List<AudioFrame> loud = frames.stream()
                .filter(f -> f.track().participantIdentity().equals("py") || f.track().participantIdentity().isEmpty())
                .filter(f -> Tones.rms(f.samples()) > 2_000).toList();
        if (loud.isEmpty()) {
            return 0;
        }
        List<AudioFrame> tail = loud.subList(Math.max(0, loud.size() - 200), loud.size());
        return Tones.dominantFrequency(ToneRoundTripTest.mono(tail), tail.getFirst().sampleRate());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }
}
