package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.http.HttpApi;
import dev.switchboard.coordinator.http.HttpSettings;
import dev.switchboard.coordinator.http.PlaygroundSettings;
import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground page in Debian's headless Chromium (livekit-client from npm, a client nobody here
 * wrote) talks with the Java participant through a real livekit-server in a network namespace: the
 * page gets its token from {@code /playground/token} (minted by the auth specialist), its fake
 * microphone plays a 660 Hz WAV that the Java participant hears, and it hears the Java
 * participant's 440 Hz tone.
 */
class PlaygroundBrowserTest {

    private static final Path WEB = PageDriver.WEB;

    @TempDir
    Path dir;

    @Test
    void browserAndJavaParticipantHearEachOther() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertThat(chromium).as("Chromium (scripts/setup.sh installs Debian's chromium)").isExecutable();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("npm packages (scripts/setup.sh)").isDirectory();
        Path wav = dir.resolve("mic-660hz.wav");
        Files.write(wav, ToneWav.sine(660, 48_000, 10));

        try (LiveKitServer livekit = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).start();
                Switchboard sb = Switchboard.builder().watchModes(false)
                        .environment(Map.of("LIVEKIT_URL", livekit.httpUrl().toString(),
                                "LIVEKIT_API_KEY", livekit.apiKey(),
                                "LIVEKIT_API_SECRET", livekit.apiSecret().reveal()))
                        .build();
                HttpApi api = HttpApi.start(sb, HttpSettings.builder().port(0)
                        .playground(PlaygroundSettings.of(WEB, livekit.wsUrl().toString(), "browser", ""))
                        .build());
                RtcClient rtc = RtcClient.create();
                RoomSession java = rtc.connect(ConnectOptions.of(livekit.wsUrl(), token(livekit)))) {
            ToneListener heard = new ToneListener();
            java.addListener(heard);
            LocalAudioTrack tone = java.publishAudio("tone");
            short[] second = ToneWav.samples(440, 48_000, 1);
            Thread feeder = Thread.ofPlatform().daemon().name("tone-feeder").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    tone.write(second); // blocks while 2 s are queued, so this paces itself
                }
            });
            JsonNode page;
            try {
                page = PageDriver.drive("http://127.0.0.1:" + api.port() + "/playground/", wav.toString(), "8");
            } finally {
                feeder.interrupt();
            }
            System.out.printf("playground: browser heard %.0f Hz (max level %.3f), states %s; java heard %.0f Hz "
                            + "from %s in %d frames%n", page.path("agentPeakHz").asDouble(),
                    page.path("agentMaxLevel").asDouble(), page.path("agentStates"), heard.dominantHz(),
                    heard.from(), heard.frames());

            assertThat(page.path("errors").size()).as("page errors: %s", page.path("errors")).isZero();
            assertThat(page.path("room").asText()).isEqualTo("browser");
            assertThat(page.path("remoteAudioTracks").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(page.path("agentMaxLevel").asDouble()).as("the page played remote audio").isGreaterThan(0.02);
            assertThat(page.path("agentPeakHz").asDouble()).as("the browser hears the Java tone")
                    .isCloseTo(440, within(20.0));
            assertThat(heard.from()).as("the Java participant hears the page").isEqualTo(
                    page.path("identity").asText());
            assertThat(heard.dominantHz()).isCloseTo(660, within(20.0));
        }
    }

    private static Secret token(LiveKitServer livekit) {
        AccessToken token = new AccessToken(livekit.apiKey(), livekit.apiSecret().reveal());
        token.setIdentity("java");
        token.addGrants(new RoomJoin(true), new RoomName("browser"));
        return Secret.of("token", token.toJwt());
    }

    /** Collects the remote audio of one participant (the page) and finds its dominant frequency. */
    private static final class ToneListener implements RoomListener {
        private final short[] pcm = new short[48_000 * 4];
        private int filled;
        private int frames;
        private String from = "";
        private int rate = 48_000;

        @Override
        public synchronized void onAudioFrame(AudioFrame frame) {
            frames++;
            from = frame.track().participantIdentity();
            rate = frame.sampleRate();
            if (ToneWav.rms(frame.samples()) < 1_000) {
                return;
            }
            int n = Math.min(frame.samples().length / frame.channels(), pcm.length - filled);
            for (int i = 0; i < n; i++) {
                pcm[filled + i] = frame.samples()[i * frame.channels()];
            }
            filled += n;
        }

        synchronized double dominantHz() {
            return ToneWav.dominantHz(java.util.Arrays.copyOf(pcm, filled), rate);
        }

        synchronized String from() {
            return from;
        }

        synchronized int frames() {
            return frames;
        }
    }
}
