package dev.switchboard.specialist.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LiveKitTest
class RoomSpecialistTest {

    private final LiveKitServer livekit;
    private RoomSpecialist room;
    private TestSpecialistContext ctx;

    RoomSpecialistTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    static TestSpecialistContext context(String url, String key, String secret) {
        return TestSpecialistContext.builder("room")
                .config("{\"livekit\":{\"url\":\"" + url + "\",\"api-key\":\"" + key
                        + "\",\"api-secret\":\"${LK_SECRET}\",\"timeout-ms\":3000}}")
                .secret("${LK_SECRET}", secret)
                .build();
    }

    @BeforeEach
    void start() {
        ctx = context(livekit.httpUrl().toString(), livekit.apiKey(), livekit.apiSecret().reveal());
        room = new RoomSpecialist();
        room.start(ctx);
    }

    @AfterEach
    void stop() {
        room.stop();
    }

    private OperationResult run(String op, ObjectNode params) {
        return room.execute(ctx, OperationRequest.builder(op).params(params).build());
    }

    private static String fresh() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createVerifiesAndCompensatesByDeletingTheRoomItCreated() {
        String name = fresh();
        ObjectNode params = Json.object().put("name", name).put("empty-timeout", 60).put("metadata", "m1");
        OperationResult created = run("room.create", params);

        assertThat(created).isInstanceOf(OperationResult.Success.class);
        var success = (OperationResult.Success) created;
        assertThat(success.payload().path("name").asText()).isEqualTo(name);
        assertThat(success.payload().path("metadata").asText()).isEqualTo("m1");
        assertThat(success.payload().path("created").asBoolean()).isTrue();
        assertThat(room.verify(ctx, OperationRequest.builder("room.create").params(params).build(), success))
                .isEmpty();
        assertThat(run("room.get", Json.object().put("name", name)).isSuccess()).isTrue();

        ObjectNode undo = success.compensation();
        assertThat(undo.path("name").asText()).isEqualTo(name);
        OperationResult deleted = run("room.delete", undo);
        assertThat(((OperationResult.Success) deleted).payload().path("deleted").asBoolean()).isTrue();
        assertThat(room.verify(ctx, OperationRequest.builder("room.delete").params(undo).build(),
                (OperationResult.Success) deleted)).isEmpty();
        assertThat(run("room.get", Json.object().put("name", name)))
                .isInstanceOfSatisfying(OperationResult.Failure.class,
                        f -> assertThat(f.code()).isEqualTo(FailureCode.NOT_FOUND));
    }

    @Test
    void adoptingAnExistingRoomLeavesNothingToUndo() {
        String name = fresh();
        run("room.create", Json.object().put("name", name));
        var again = (OperationResult.Success) run("room.create", Json.object().put("name", name));
        assertThat(again.payload().path("created").asBoolean()).isFalse();
        assertThat(again.compensation().isEmpty()).isTrue();
        run("room.delete", Json.object().put("name", name));
    }

    @Test
    void metadataUpdateIsUndoneByRestoringThePreviousValue() {
        String name = fresh();
        run("room.create", Json.object().put("name", name).put("metadata", "before"));
        var updated = (OperationResult.Success) run("room.update-metadata",
                Json.object().put("name", name).put("metadata", "after"));
        assertThat(updated.payload().path("metadata").asText()).isEqualTo("after");
        assertThat(updated.compensation().path("metadata").asText()).isEqualTo("before");

        run("room.update-metadata", updated.compensation());
        var got = (OperationResult.Success) run("room.get", Json.object().put("name", name));
        assertThat(got.payload().path("metadata").asText()).isEqualTo("before");
        run("room.delete", Json.object().put("name", name));
    }

    @Test
    void listShowsCreatedRoomsAndParticipantListOfAnEmptyRoomIsEmpty() {
        String name = fresh();
        run("room.create", Json.object().put("name", name));
        var list = (OperationResult.Success) run("room.list", Json.object());
        assertThat(list.payload().path("rooms").findValuesAsText("name")).contains(name);
        var participants = (OperationResult.Success) run("participant.list", Json.object().put("room", name));
        assertThat(participants.payload().path("participants").size()).isZero();
        run("room.delete", Json.object().put("name", name));
    }

    @Test
    void unknownParticipantIsNotFound() {
        String name = fresh();
        run("room.create", Json.object().put("name", name));
        OperationResult r = run("participant.get", Json.object().put("room", name).put("identity", "nobody"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class,
                f -> assertThat(f.code()).isEqualTo(FailureCode.NOT_FOUND));
        run("room.delete", Json.object().put("name", name));
    }

    @Test
    void wrongSecretSaysTheCredentialsWereRefusedWithoutShowingTheSecret() {
        String canary = "canary-" + UUID.randomUUID();
        TestSpecialistContext bad = context(livekit.httpUrl().toString(), livekit.apiKey(), canary);
        RoomSpecialist other = new RoomSpecialist();
        other.start(bad);
        try {
            OperationResult r = other.execute(bad, OperationRequest.builder("room.list").build());
            assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo("unauthenticated");
                assertThat(f.message()).contains("refused the credentials").contains(livekit.apiKey())
                        .doesNotContain(canary).doesNotContain(livekit.apiSecret().reveal());
            });
        } finally {
            other.stop();
        }
    }

    @Test
    void unreachableServerSaysSoAndNamesTheUrl() {
        TestSpecialistContext down = context("http://127.0.0.1:9", livekit.apiKey(), "x");
        RoomSpecialist other = new RoomSpecialist();
        other.start(down);
        try {
            OperationResult r = other.execute(down, OperationRequest.builder("room.list").build());
            assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo(FailureCode.UNAVAILABLE);
                assertThat(f.retryable()).isTrue();
                assertThat(f.message()).contains("http://127.0.0.1:9").contains("unreachable");
            });
        } finally {
            other.stop();
        }
    }

    @Test
    void wrongUrlSchemeIsAConfigErrorNamingTheKey() {
        TestSpecialistContext bad = context("ftp://127.0.0.1:7880", livekit.apiKey(), "x");
        assertThatThrownBy(() -> new RoomSpecialist().start(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specialists.room.livekit.url")
                .hasMessageContaining("wrong URL scheme 'ftp'");
    }

    @Test
    void missingParameterIsRejectedWithItsJsonPath() {
        OperationResult r = run("room.create", Json.object());
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
            assertThat(f.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.name"));
        });
    }

    @Test
    void passedDeadlineIsNotStarted() {
        OperationResult r = room.execute(ctx, OperationRequest.builder("room.list")
                .deadline(ctx.time().now().minus(Duration.ofSeconds(1))).build());
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class,
                f -> assertThat(f.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED));
    }

    @Test
    void agentDispatchIsListedAndUndoneByDeletingIt() {
        String name = fresh();
        run("room.create", Json.object().put("name", name));
        var dispatched = (OperationResult.Success) run("agent.dispatch",
                Json.object().put("room", name).put("agent-name", "greeter").put("metadata", "{\"lang\":\"en\"}"));
        String id = dispatched.payload().path("id").asText();
        assertThat(id).startsWith("AD_");
        var listed = (OperationResult.Success) run("agent.dispatch-list", Json.object().put("room", name));
        // LiveKit also lists its automatic dispatch of the unnamed agent (agentName ""), so look for ours.
        assertThat(names(listed)).containsOnlyOnce("greeter");

        assertThat(run("agent.dispatch-delete", dispatched.compensation()).isSuccess()).isTrue();
        var after = (OperationResult.Success) run("agent.dispatch-list", Json.object().put("room", name));
        assertThat(names(after)).doesNotContain("greeter");
        run("room.delete", Json.object().put("name", name));
    }

    private static java.util.List<String> names(OperationResult.Success listed) {
        java.util.List<String> names = new java.util.ArrayList<>();
        listed.payload().path("dispatches").forEach(d -> names.add(d.path("agentName").asText()));
        return names;
    }
}
