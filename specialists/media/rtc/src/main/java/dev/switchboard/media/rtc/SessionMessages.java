package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import java.util.Collection;
import java.util.List;
import livekit.LivekitModels;
import livekit.LivekitModels.ClientConfiguration;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.ICEServer;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SyncState;
import livekit.LivekitRtc.UpdateSubscription;

/** Builds what the session sends or configures from what the server said. Stateless. */
final class SessionMessages {

    private SessionMessages() {
    }

    /** The PeerConnection configuration for the server's ICE servers and client configuration. */
    static RTCConfiguration rtcConfiguration(List<ICEServer> servers, ClientConfiguration client) {
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        for (ICEServer server : servers) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = List.copyOf(server.getUrlsList());
            ice.username = server.getUsername();
            ice.password = server.getCredential();
            config.iceServers.add(ice);
        }
        if (client.getForceRelay() == LivekitModels.ClientConfigSetting.ENABLED) {
            config.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
        }
        return config;
    }

    /**
     * The AddTrackRequest for a microphone track (also used to publish it again after a rejoin). Without
     * {@code TF_NO_DTX} the server answers with Opus {@code usedtx=1}: a silent track sends a few packets a
     * second instead of 50, as LiveKit's own SDKs do by default.
     */
    static SignalRequest addAudioTrack(String cid, String name, boolean muted) {
        return SignalRequest.newBuilder().setAddTrack(AddTrackRequest.newBuilder()
                .setCid(cid).setName(name).setType(LivekitModels.TrackType.AUDIO).setMuted(muted)
                .setSource(LivekitModels.TrackSource.MICROPHONE)).build();
    }

    /**
     * The SyncState a resume sends: the subscriber's last offer/answer, channels and receive states, the
     * subscriptions (auto-subscribe: nothing unsubscribed), the published tracks and the publisher's channels.
     */
    static SignalRequest syncState(SubscriberSide subscriber, PublisherSide publisher,
                                   Collection<LocalAudioTrackImpl> tracks, boolean autoSubscribe) {
        SyncState.Builder sync = subscriber.syncState()
                .setSubscription(UpdateSubscription.newBuilder().setSubscribe(!autoSubscribe))
                .addAllDataChannels(publisher.channelInfos());
        tracks.stream().filter(t -> !t.isUnpublished()).forEach(t -> sync.addPublishTracks(t.published()));
        return SignalRequest.newBuilder().setSyncState(sync).build();
    }

    /**
     * Whether a request goes out while reconnecting (negotiation, ICE, track publication, sync state,
     * leave); others wait until the session is connected again, and pings are dropped.
     */
    static boolean passesWhileReconnecting(SignalRequest request) {
        return switch (request.getMessageCase()) {
            case OFFER, ANSWER, TRICKLE, ADD_TRACK, SYNC_STATE, LEAVE, SIMULATE -> true;
            default -> false;
        };
    }
}
