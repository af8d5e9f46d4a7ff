package dev.switchboard.specialist.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The recording specialist against a real server in a network namespace (no egress worker there). */
class RecordingSpecialistTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();
    @TempDir
    Path dir;
    private RecordingSpecialist recording;
    private TestSpecialistContext ctx;

    @BeforeEach
    void start() {
        var lk = LIVEKIT.server();
        ctx = TestSpecialistContext.builder("recording")
                .config("{\"directory\":" + Json.mapper().valueToTree(dir.toString()) + ",\"livekit\":{\"url\":\""
                        + lk.httpUrl() + "\",\"api-key\":\"" + lk.apiKey() + "\",\"api-secret\":\"${S}\"}}")
                .secret("${S}", lk.apiSecret().reveal()).build();
        recording = new RecordingSpecialist();
        recording.start(ctx);
    }

    @AfterEach
    void stop() {
        recording.stop();
    }

    private OperationResult run(String op, ObjectNode params) {
        return recording.execute(ctx, OperationRequest.builder(op).params(params).build());
    }

    @Test
    void embeddedBackendRecordsASpeakerAndListsIt() throws Exception {
        AccessToken t = new AccessToken(LIVEKIT.server().apiKey(), LIVEKIT.server().apiSecret().reveal());
        t.setIdentity("alice");
        t.addGrants(new RoomJoin(true), new RoomName("standup"));
        try (RtcClient client = RtcClient.create();
             RoomSession alice = client.connect(ConnectOptions.of(LIVEKIT.server().wsUrl(),
                     Secret.of("alice-token", t.toJwt())))) {
            LocalAudioTrack track = alice.publishAudio("mic");
            OperationResult started = run("recording.start", Json.object().put("room", "standup"));
            assertThat(started).isInstanceOf(OperationResult.Success.class);
            JsonNode out = ((OperationResult.Success) started).payload();
            String id = out.path("recording-id").asText();
            assertThat(id).startsWith("RC_");
            assertThat(((OperationResult.Success) started).compensation().path("recording-id").asText())
                    .isEqualTo(id);
            short[] tone = new short[48_000];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (12_000 * Math.sin(2 * Math.PI * 440 * i / 48_000));
            }
            track.write(tone);
            Thread.sleep(2_000);
            JsonNode listed = ((OperationResult.Success) run("recording.list", Json.object().put("room", "standup")))
                    .payload();
            assertThat(listed.path("recordings").path(0).path("recording-id").asText()).isEqualTo(id);
            OperationResult stopped = run("recording.stop", Json.object().put("recording-id", id));
            JsonNode result = ((OperationResult.Success) stopped).payload();
            System.out.println("recording specialist: " + result);
            JsonNode first = result.path("tracks").path(0);
            assertThat(first.path("participant-identity").asText()).isEqualTo("alice");
            assertThat(first.path("seconds").asDouble()).isGreaterThan(1.0);
            assertThat(first.path("speech")).as("the tone is one speech segment").hasSize(1);
            assertThat(dir.resolve(id).resolve(first.path("file").asText())).exists();
            assertThat(Files.readString(Path.of(result.path("manifest").asText()))).contains("\"alice\"");
            assertThat(run("recording.stop", Json.object().put("recording-id", id)))
                    .as("stop is idempotent").isInstanceOf(OperationResult.Success.class);
        }
    }

    @Test
    void egressBackendWithoutAWorkerFailsAtOnce() {
        OperationResult r = run("recording.start", Json.object().put("room", "standup").put("backend", "egress"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.UNAVAILABLE);
            assertThat(f.message()).contains("recording.start (egress) not sent")
                    .doesNotContain(LIVEKIT.server().apiSecret().reveal());
        });
    }

    @Test
    void badInputIsRefusedPrecisely() {
        OperationResult bad = run("recording.start", Json.object().put("room", "r").put("backend", "tape"));
        assertThat(bad).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
            assertThat(f.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.backend"));
        });
        OperationResult unknown = run("recording.stop", Json.object().put("recording-id", "RC_nope"));
        assertThat(unknown).isInstanceOfSatisfying(OperationResult.Failure.class,
                f -> assertThat(f.code()).isEqualTo(FailureCode.NOT_FOUND));
        assertThat(run("recording.list", Json.object())).isInstanceOfSatisfying(OperationResult.Success.class,
                s -> assertThat(s.payload().path("recordings")).isEmpty());
    }
}
