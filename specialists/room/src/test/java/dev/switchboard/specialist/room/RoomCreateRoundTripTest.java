package dev.switchboard.specialist.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.LiveKitApi;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Metrics;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import io.livekit.server.RoomServiceClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * room.create decides "created or adopted" from CreateRoom's reply once calibrated (one round trip),
 * against a real livekit-server and the real clock: rooms another client made, rooms made moments
 * before by this specialist, and fresh rooms.
 */
@LiveKitTest
class RoomCreateRoundTripTest {

    private final LiveKitServer livekit;
    private LiveKitApi api;
    private RoomCreationClock clock;
    private RoomHandlers rooms;
    private RoomServiceClient other;

    RoomCreateRoundTripTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @BeforeEach
    void start() {
        SpecialistContext ctx = new RealTime(RoomSpecialistTest.context(livekit.httpUrl().toString(),
                livekit.apiKey(), livekit.apiSecret().reveal()));
        api = LiveKitApi.create(LiveKitSettings.from(ctx));
        clock = new RoomCreationClock(ctx.time());
        rooms = new RoomHandlers(new RoomCalls(api), clock);
        other = RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                livekit.apiSecret().reveal());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private OperationResult.Success create(String name) {
        return (OperationResult.Success) rooms.create(Json.object().put("name", name));
    }

    private static String fresh() {
        return "rt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFirstCreateLooksFirstAndCalibratesThenFreshRoomsAreCreatedInOneCall() {
        assertThat(clock.calibrated()).isFalse();
        assertThat(create(fresh()).payload().path("created").asBoolean()).isTrue();
        assertThat(clock.calibrated()).isTrue();

        for (int i = 0; i < 5; i++) {
            String name = fresh();
            OperationResult.Success created = create(name);
            assertThat(created.payload().path("created").asBoolean()).as(name).isTrue();
            assertThat(created.compensation().path("name").asText()).isEqualTo(name);
        }
    }

    @Test
    void aRoomAnotherClientCreatedIsAdoptedAndLeftAloneOnRollback() throws Exception {
        for (int i = 0; i < 3; i++) {
            create(fresh());
        }
        String name = fresh();
        other.createRoom(name).execute();
        Thread.sleep(200); // older than any round trip, even on a loaded machine

        OperationResult.Success adopted = create(name);

        assertThat(clock.calibrated()).isTrue();
        assertThat(adopted.payload().path("created").asBoolean()).isFalse();
        assertThat(adopted.compensation().isEmpty()).isTrue();
    }

    @Test
    void aRoomThisSpecialistCreatedMomentsBeforeIsAdoptedHoweverSoonTheSecondCallComes() {
        create(fresh());
        for (int i = 0; i < 5; i++) {
            String name = fresh();
            assertThat(create(name).payload().path("created").asBoolean()).isTrue();
            OperationResult.Success again = create(name);
            assertThat(again.payload().path("created").asBoolean()).as(name).isFalse();
            assertThat(again.compensation().isEmpty()).isTrue();
        }
    }

    @Test
    void theReplyIsTheVerificationEvidence() {
        String name = fresh();
        OperationResult.Success created = create(name);
        ObjectNode params = Json.object().put("name", name);

        assertThat(rooms.verifyCreate(params, created)).isEmpty();
        assertThat(rooms.verifyCreate(Json.object().put("name", "other-" + name), created))
                .singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("room.missing"));
    }

    /** The test context with the system clock: the server stamps rooms with the real time. */
    private record RealTime(TestSpecialistContext test) implements SpecialistContext {
        @Override
        public String specialist() {
            return test.specialist();
        }

        @Override
        public ObjectNode config() {
            return test.config();
        }

        @Override
        public Secrets secrets() {
            return test.secrets();
        }

        @Override
        public TimeSource time() {
            return TimeSource.system();
        }

        @Override
        public Metrics metrics() {
            return test.metrics();
        }

        @Override
        public System.Logger logger() {
            return test.logger();
        }

        @Override
        public EventPublisher events() {
            return test.events();
        }
    }
}
