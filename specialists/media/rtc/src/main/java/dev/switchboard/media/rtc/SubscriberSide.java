package dev.switchboard.media.rtc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.switchboard.spi.TimeSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitRtc.DataChannelInfo;
import livekit.LivekitRtc.DataChannelReceiveState;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.SyncState;
import livekit.LivekitRtc.TrickleRequest;

/**
 * The subscriber PeerConnection: the server offers, this client answers. Maps each received audio
 * transceiver (by mid) to the {@code PA_…|TR_…} stream id its SDP section carries, re-reading the map after
 * every offer because the server reuses transceivers; receives data packets on the server's channels.
 * Offers are handled one after another. Thread-safe.
 */
final class SubscriberSide implements PeerConnectionObserver {

    private static final System.Logger LOG = System.getLogger(SubscriberSide.class.getName());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PeerTransport transport = new PeerTransport("subscriber");
    private final Consumer<SignalRequest> signal;
    private final ListenerSet listeners;
    private final Executor events;
    private final Function<String, String> identityOf;
    private final TimeSource time;
    private final Consumer<DataPacket> otherPackets;
    private final Map<String, String> streamByMid = new ConcurrentHashMap<>();
    private final Map<String, RemoteAudioSink> sinkByMid = new ConcurrentHashMap<>();
    private final List<RTCDataChannel> channels = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> lastSequenceBySender = new ConcurrentHashMap<>();
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private volatile SessionDescription lastOffer = SessionDescription.getDefaultInstance();
    private volatile SessionDescription lastAnswer = SessionDescription.getDefaultInstance();

    SubscriberSide(Consumer<SignalRequest> signal, ListenerSet listeners, Executor events,
                   Function<String, String> identityOf, TimeSource time,
                   Consumer<DataPacket> otherPackets) {
        this.otherPackets = otherPackets;
        this.signal = signal;
        this.listeners = listeners;
        this.events = events;
        this.identityOf = identityOf;
        this.time = time;
    }

    PeerTransport transport() {
        return transport;
    }

    /** Applies a server offer and answers it (queued behind any offer still in progress). */
    synchronized void onOffer(SessionDescription offer) {
        chain = chain.handle((ok, error) -> null).thenCompose(ignored -> answer(offer)).whenComplete((ok, e) -> {
            if (e != null && !closed.get()) {
                LOG.log(System.Logger.Level.WARNING, "subscriber negotiation failed", e);
            }
        });
    }

    /**
     * What a resume's SyncState carries about this side: the last offer and answer, the server's channels
     * and the last reliable sequence received per sender.
     */
    SyncState.Builder syncState() {
        SyncState.Builder sync = SyncState.newBuilder().setOffer(lastOffer).setAnswer(lastAnswer);
        for (RTCDataChannel c : channels) {
            sync.addDataChannels(DataChannelInfo.newBuilder().setLabel(c.getLabel()).setId(c.getId())
                    .setTarget(SignalTarget.SUBSCRIBER));
        }
        lastSequenceBySender.forEach((sid, seq) -> sync.addDatachannelReceiveStates(
                DataChannelReceiveState.newBuilder().setPublisherSid(sid).setLastSeq(seq)));
        return sync;
    }

    private CompletableFuture<Void> answer(SessionDescription offer) {
        lastOffer = offer;
        Map<String, String> streams = SdpStreams.midToStreamId(offer.getSdp());
        streamByMid.putAll(streams);
        return transport.setRemote(new RTCSessionDescription(RTCSdpType.OFFER, offer.getSdp()))
                .thenRun(() -> retargetReused(streams))
                .thenCompose(done -> transport.createAnswer())
                .thenCompose(answer -> transport.setLocal(answer).thenApply(done -> answer))
                .thenAccept(answer -> {
                    lastAnswer = SessionDescription.newBuilder().setType("answer").setSdp(answer.sdp)
                            .setId(offer.getId()).build();
                    signal.accept(SignalRequest.newBuilder().setAnswer(lastAnswer).build());
                });
    }

    /** A reused transceiver keeps its receiver but now carries another publication. */
    private void retargetReused(Map<String, String> streams) {
        streams.forEach((mid, stream) -> {
            RemoteAudioSink sink = sinkByMid.get(mid);
            if (sink == null) {
                return;
            }
            StreamIds.unpack(stream, "").ifPresent(sids -> {
                if (!sids.trackSid().equals(sink.track().trackSid())) {
                    RemoteAudioTrack next = new RemoteAudioTrack(sids.participantSid(),
                            identityOf.apply(sids.participantSid()), sids.trackSid());
                    sink.retarget(next);
                    events.execute(() -> listeners.fire(l -> l.onTrackSubscribed(next)));
                }
            });
        });
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        String mid = transceiver.getMid();
        if (!(transceiver.getReceiver().getTrack() instanceof AudioTrack audio)) {
            return;
        }
        String stream = mid == null ? "" : streamByMid.getOrDefault(mid, "");
        var sids = StreamIds.unpack(stream, audio.getId());
        if (sids.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "remote audio track with unknown stream id '" + stream + "'");
            return;
        }
        RemoteAudioTrack track = new RemoteAudioTrack(sids.get().participantSid(),
                identityOf.apply(sids.get().participantSid()), sids.get().trackSid());
        RemoteAudioSink sink = new RemoteAudioSink(track, listeners, identityOf, time);
        if (mid != null) {
            sinkByMid.put(mid, sink);
        }
        audio.addSink(sink);
        events.execute(() -> listeners.fire(l -> l.onTrackSubscribed(track)));
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        channels.add(channel);
        boolean reliable = "_reliable".equals(channel.getLabel());
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                byte[] bytes = new byte[buffer.data.remaining()];
                buffer.data.get(bytes);
                received(bytes, reliable);
            }
        });
    }

    private void received(byte[] bytes, boolean reliable) {
        DataPacket packet;
        try {
            packet = DataPacket.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable data packet: " + e.getMessage());
            return;
        }
        if (reliable && packet.getSequence() > 0 && !packet.getParticipantSid().isEmpty()) {
            lastSequenceBySender.merge(packet.getParticipantSid(), packet.getSequence(), Math::max);
        }
        if (!packet.hasUser()) {
            events.execute(() -> otherPackets.accept(packet));
            return;
        }
        var user = packet.getUser();
        DataMessage message = new DataMessage(packet.getParticipantIdentity(), packet.getParticipantSid(),
                user.getTopic(), reliable,
                user.getPayload().toByteArray());
        events.execute(() -> listeners.fire(l -> l.onData(message)));
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        signal.accept(SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(IceCandidateJson.write(candidate)).setTarget(SignalTarget.SUBSCRIBER)).build());
    }

    @Override
    public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
        LOG.log(System.Logger.Level.DEBUG, "subscriber connection " + state);
        transport.stateChanged(state);
    }

    /** Closes the data channels and the connection, once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (RTCDataChannel c : channels) {
            c.unregisterObserver();
            c.close();
        }
        transport.close();
    }
}
