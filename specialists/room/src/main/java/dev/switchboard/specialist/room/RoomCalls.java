package dev.switchboard.specialist.room;

import dev.switchboard.specialist.common.LiveKitApi;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.VideoGrant;
import java.util.List;
import java.util.Optional;
import livekit.LivekitModels;
import livekit.LivekitRoom;

/** The RoomService calls the room specialist makes, each with the narrowest grants. Thread-safe. */
final class RoomCalls {

    private static final String SERVICE = "livekit.RoomService";

    private final LiveKitApi api;

    RoomCalls(LiveKitApi api) {
        this.api = api;
    }

    LivekitModels.Room create(LivekitRoom.CreateRoomRequest request) {
        return api.call(SERVICE, "CreateRoom", request, LivekitModels.Room.parser(),
                List.of(new RoomCreate(true)), true);
    }

    List<LivekitModels.Room> list(List<String> names) {
        return api.call(SERVICE, "ListRooms", LivekitRoom.ListRoomsRequest.newBuilder().addAllNames(names).build(),
                LivekitRoom.ListRoomsResponse.parser(), List.of(new RoomList(true)), true).getRoomsList();
    }

    Optional<LivekitModels.Room> find(String name) {
        return list(List.of(name)).stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    void delete(String name) {
        api.call(SERVICE, "DeleteRoom", LivekitRoom.DeleteRoomRequest.newBuilder().setRoom(name).build(),
                LivekitRoom.DeleteRoomResponse.parser(), List.of(new RoomCreate(true)), true);
    }

    LivekitModels.Room updateMetadata(String name, String metadata) {
        return api.call(SERVICE, "UpdateRoomMetadata",
                LivekitRoom.UpdateRoomMetadataRequest.newBuilder().setRoom(name).setMetadata(metadata).build(),
                LivekitModels.Room.parser(), admin(name), true);
    }

    List<LivekitModels.ParticipantInfo> participants(String room) {
        return api.call(SERVICE, "ListParticipants",
                LivekitRoom.ListParticipantsRequest.newBuilder().setRoom(room).build(),
                LivekitRoom.ListParticipantsResponse.parser(), admin(room), true).getParticipantsList();
    }

    LivekitModels.ParticipantInfo participant(String room, String identity) {
        return api.call(SERVICE, "GetParticipant", identity(room, identity),
                LivekitModels.ParticipantInfo.parser(), admin(room), true);
    }

    void remove(String room, String identity) {
        api.call(SERVICE, "RemoveParticipant", identity(room, identity),
                LivekitRoom.RemoveParticipantResponse.parser(), admin(room), false);
    }

    LivekitModels.ParticipantInfo update(LivekitRoom.UpdateParticipantRequest request) {
        return api.call(SERVICE, "UpdateParticipant", request, LivekitModels.ParticipantInfo.parser(),
                admin(request.getRoom()), true);
    }

    LivekitModels.TrackInfo mute(String room, String identity, String trackSid, boolean muted) {
        return api.call(SERVICE, "MutePublishedTrack", LivekitRoom.MuteRoomTrackRequest.newBuilder()
                        .setRoom(room).setIdentity(identity).setTrackSid(trackSid).setMuted(muted).build(),
                LivekitRoom.MuteRoomTrackResponse.parser(), admin(room), true).getTrack();
    }

    void subscriptions(String room, String identity, List<String> trackSids, boolean subscribe) {
        api.call(SERVICE, "UpdateSubscriptions", LivekitRoom.UpdateSubscriptionsRequest.newBuilder()
                        .setRoom(room).setIdentity(identity).addAllTrackSids(trackSids).setSubscribe(subscribe).build(),
                LivekitRoom.UpdateSubscriptionsResponse.parser(), admin(room), true);
    }

    private static LivekitRoom.RoomParticipantIdentity identity(String room, String identity) {
        return LivekitRoom.RoomParticipantIdentity.newBuilder().setRoom(room).setIdentity(identity).build();
    }

    private static List<VideoGrant> admin(String room) {
        return List.of(new RoomAdmin(true), new RoomName(room));
    }
}
