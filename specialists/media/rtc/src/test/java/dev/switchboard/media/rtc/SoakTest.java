package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Long publish + subscribe run (webrtc-java issue #288 reports JVM crashes in pushAudio): runs only with
 * {@code -Drtc.soak.seconds=N}; prints frames, pacing and resident memory, and fails if audio stops or
 * RSS grows by more than 64 MiB after the first 20 s.
 */
class SoakTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void publishAndSubscribeForAWhile() throws Exception {
        long seconds = Long.getLong("rtc.soak.seconds", 0);
        Assumptions.assumeTrue(seconds > 0, "soak skipped: set -Drtc.soak.seconds=N to run it");
        AtomicLong frames = new AtomicLong();
        try (RtcClient client = RtcClient.create();
             RoomSession listener = client.connect(Tokens.options(LIVEKIT.server(), "soak-ear", "soak"));
             RoomSession speaker = client.connect(Tokens.options(LIVEKIT.server(), "soak-mouth", "soak"))) {
            listener.addListener(new RoomListener() {
                @Override
                public void onAudioFrame(AudioFrame frame) {
                    frames.incrementAndGet();
                }
            });
            LocalAudioTrack track = speaker.publishAudio("soak");
            short[] second = Tones.sine(440, 48_000, 48_000, 0.3);
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        track.write(second);
                    }
                } catch (RtcException e) {
                    // unpublished at the end
                }
            });
            long start = System.nanoTime();
            long rssWarm = 0;
            long rssMax = 0;
            for (long s = 1; s <= seconds; s++) {
                Thread.sleep(1_000);
                long rss = rssKib();
                if (s == 20 || (s < 20 && s == seconds)) {
                    rssWarm = rss;
                }
                rssMax = Math.max(rssMax, rss);
                if (s % 30 == 0) {
                    System.out.printf("soak %ds: frames %d, rss %d MiB, pacer %s%n", s, frames.get(), rss / 1024,
                            track.stats());
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            PacerStats stats = track.stats();
            track.unpublish();
            writer.join(2_000);
            System.out.printf("soak done: %.0f s, frames received %d (%.1f/s), pacer sent %d late %d (%.2f%%)"
                            + " max %.1f ms, rss warm %d MiB max %d MiB%n",
                    elapsed, frames.get(), frames.get() / elapsed,
                    stats.framesSent(), stats.lateFrames(), 100.0 * stats.lateFrames() / stats.framesSent(),
                    stats.maxLatenessNanos() / 1e6, rssWarm / 1024, rssMax / 1024);
            assertThat(frames.get() / elapsed).as("frames per second at the listener").isGreaterThan(90);
            assertThat(rssMax - rssWarm).as("RSS growth after warm-up, KiB").isLessThan(64 * 1024);
        }
    }

    private static long rssKib() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
