package dev.switchboard.specialist.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On replies from a real livekit-server, the tree built straight from the message equals the one
 * JsonFormat's text gives; and the reused tokens keep working call after call.
 */
@LiveKitTest
class RealRepliesTest {

    private final LiveKitServer livekit;
    private LiveKitApi api;

    RealRepliesTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @BeforeEach
    void start() {
        api = LiveKitApi.create(new LiveKitSettings(URI.create(livekit.httpUrl().toString()), livekit.apiKey(),
                Secret.of("${LK_SECRET}", livekit.apiSecret().reveal()), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void roomsAndListsFromTheServerGiveTheSameTree() {
        String name = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        LivekitModels.Room room = api.call("livekit.RoomService", "CreateRoom", LivekitRoom.CreateRoomRequest
                        .newBuilder().setName(name).setEmptyTimeout(30).setDepartureTimeout(5).setMaxParticipants(7)
                        .setMetadata("{\"topic\":\"é\"}").build(),
                LivekitModels.Room.parser(), List.of(new RoomCreate(true)), true);
        assertThat(room.getSid()).isNotEmpty();
        assertThat(room.getEnabledCodecsCount()).isPositive();
        ProtoTreeTest.assertSameTree(room);
        assertThat(ProtoJson.toJson(room).path("creationTimeMs").asText()).isEqualTo(
                Long.toString(room.getCreationTimeMs()));

        for (int i = 0; i < 3; i++) {
            Message rooms = api.call("livekit.RoomService", "ListRooms", LivekitRoom.ListRoomsRequest.newBuilder()
                    .addNames(name).build(), LivekitRoom.ListRoomsResponse.parser(), List.of(new RoomList(true)), true);
            ProtoTreeTest.assertSameTree(rooms);
        }
        Message participants = api.call("livekit.RoomService", "ListParticipants", LivekitRoom.ListParticipantsRequest
                        .newBuilder().setRoom(name).build(), LivekitRoom.ListParticipantsResponse.parser(),
                List.of(new RoomAdmin(true), new RoomName(name)), true);
        ProtoTreeTest.assertSameTree(participants);
    }
}
