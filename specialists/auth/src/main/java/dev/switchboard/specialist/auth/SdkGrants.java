package dev.switchboard.specialist.auth;

import io.livekit.server.Agent;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.Hidden;
import io.livekit.server.IngressAdmin;
import io.livekit.server.Recorder;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.RoomRecord;
import io.livekit.server.VideoGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns {@link Grants} into the Kotlin SDK's {@link VideoGrant}s for {@code AccessToken}. Stateless. */
final class SdkGrants {

    private SdkGrants() {
    }

    static List<VideoGrant> of(Grants grants, Optional<String> room) {
        List<VideoGrant> out = new ArrayList<>();
        grants.flags().forEach((g, v) -> out.add(of(g, v)));
        room.ifPresent(r -> out.add(new RoomName(r)));
        if (!grants.sources().isEmpty()) {
            out.add(new CanPublishSources(grants.sources()));
        }
        return out;
    }

    private static VideoGrant of(Grant grant, boolean v) {
        return switch (grant) {
            case ROOM_JOIN -> new RoomJoin(v);
            case CAN_PUBLISH -> new CanPublish(v);
            case CAN_SUBSCRIBE -> new CanSubscribe(v);
            case CAN_PUBLISH_DATA -> new CanPublishData(v);
            case CAN_UPDATE_OWN_METADATA -> new CanUpdateOwnMetadata(v);
            case HIDDEN -> new Hidden(v);
            case RECORDER -> new Recorder(v);
            case AGENT -> new Agent(v);
            case ROOM_ADMIN -> new RoomAdmin(v);
            case ROOM_CREATE -> new RoomCreate(v);
            case ROOM_LIST -> new RoomList(v);
            case ROOM_RECORD -> new RoomRecord(v);
            case INGRESS_ADMIN -> new IngressAdmin(v);
        };
    }
}
