package dev.switchboard.media.rtc;

import com.google.protobuf.ByteString;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import livekit.LivekitModels;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;

/**
 * The session: joins over {@link SignalConnection}, builds the {@link PublisherSide} and
 * {@link SubscriberSide} PeerConnections from the JoinResponse, routes server messages (on one event
 * thread, in order), pings, and tears everything down once. Thread-safe.
 */
final class RoomSessionImpl implements RoomSession, SignalConnection.Handler {

    private static final System.Logger LOG = System.getLogger(RoomSessionImpl.class.getName());
    private final RtcClientImpl.SessionDeps deps;
    private final ConnectOptions options;
    private final Consumer<RoomSessionImpl> onClosed;
    private final ListenerSet listeners = new ListenerSet();
    private final Participants participants = new Participants(listeners);
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("rtc-events-", 0).factory());
    private final java.util.concurrent.Executor safeEvents = this::runOnEvents;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Map<String, CompletableFuture<TrackInfo>> pendingTracks = new ConcurrentHashMap<>();
    private final Map<String, LocalAudioTrackImpl> localTracks = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SignalConnection signal;
    private final RpcManager rpc;
    private final TextStreams textStreams = new TextStreams(t -> listeners.fire(l -> l.onTextStream(t)));
    private volatile PublisherSide publisher;
    private volatile SubscriberSide subscriber;
    private volatile JoinResponse join;
    private volatile long joinNanos;
    private volatile long lastRttMillis;
    private ScheduledFuture<?> pinger;

    private RoomSessionImpl(RtcClientImpl.SessionDeps deps, ConnectOptions options,
                            Consumer<RoomSessionImpl> onClosed) {
        this.deps = deps;
        this.options = options;
        this.onClosed = onClosed;
        this.signal = SignalConnection.create(options, safeEvents, this);
        this.rpc = new RpcManager(deps.scheduler(), (packet, to) -> sendPacket(packet, true, List.of(to)));
    }

    static RoomSessionImpl join(RtcClientImpl.SessionDeps deps, ConnectOptions options,
                                Consumer<RoomSessionImpl> onClosed) {
        RoomSessionImpl session = new RoomSessionImpl(deps, options, onClosed);
        long start = options.time().nanos();
        session.signal.joined().whenComplete((j, e) -> {
            if (e != null) {
                session.ready.completeExceptionally(e);
            } else {
                session.joinNanos = options.time().nanos() - start;
            }
        });
        session.signal.open(deps.http(), options.token());
        try {
            session.await(session.ready, options.joinTimeout(), "join");
        } catch (RuntimeException e) {
            session.teardown(false, "join failed");
            throw e;
        }
        return session;
    }

    @Override
    public void onJoin(JoinResponse response) {
        try {
            join = response;
            participants.setLocal(Participants.of(response.getParticipant()));
            RTCConfiguration config = rtcConfiguration(response);
            publisher = new PublisherSide(signal, options.operationTimeout());
            publisher.transport().attach(deps.factory().createPeerConnection(config, publisher));
            publisher.createDataChannels();
            subscriber = new SubscriberSide(signal, listeners, safeEvents, participants::identityOf, options.time(),
                    packet -> {
                        if (!textStreams.accept(packet)) {
                            rpc.onPacket(packet);
                        }
                    });
            subscriber.transport().attach(deps.factory().createPeerConnection(config, subscriber));
            for (ParticipantInfo other : response.getOtherParticipantsList()) {
                participants.apply(other);
            }
            publisher.negotiate();
            long interval = Math.max(1, response.getPingInterval());
            pinger = deps.scheduler().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.SECONDS);
            ready.complete(null);
        } catch (RuntimeException e) {
            ready.completeExceptionally(new RtcStateException("could not set up WebRTC after join: " + e, e));
        }
    }

    private static RTCConfiguration rtcConfiguration(JoinResponse response) {
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        for (livekit.LivekitRtc.ICEServer server : response.getIceServersList()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = List.copyOf(server.getUrlsList());
            ice.username = server.getUsername();
            ice.password = server.getCredential();
            config.iceServers.add(ice);
        }
        if (response.getClientConfiguration().getForceRelay() == LivekitModels.ClientConfigSetting.ENABLED) {
            config.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
        }
        return config;
    }

    @Override
    public void onMessage(SignalResponse message) {
        try {
            route(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not handle signal message " + message.getMessageCase(), e);
        }
    }

    private void route(SignalResponse message) {
        switch (message.getMessageCase()) {
            case OFFER -> subscriber.onOffer(message.getOffer());
            case ANSWER -> publisher.onAnswer(message.getAnswer());
            case TRICKLE -> {
                var trickle = message.getTrickle();
                var candidate = IceCandidateJson.read(trickle.getCandidateInit());
                (trickle.getTarget() == SignalTarget.PUBLISHER ? publisher.transport() : subscriber.transport())
                        .addRemoteCandidate(candidate);
            }
            case UPDATE -> message.getUpdate().getParticipantsList().forEach(participants::apply);
            case SPEAKERS_CHANGED -> participants.speakers(message.getSpeakersChanged().getSpeakersList());
            case TRACK_PUBLISHED -> {
                var published = pendingTracks.remove(message.getTrackPublished().getCid());
                if (published != null) {
                    published.complete(message.getTrackPublished().getTrack());
                }
            }
            case PONG_RESP -> lastRttMillis = System.currentTimeMillis() - message.getPongResp().getLastPingTimestamp();
            case LEAVE -> teardown(false, "server sent leave (" + message.getLeave().getReason() + ", "
                    + message.getLeave().getAction() + ")");
            default -> LOG.log(System.Logger.Level.TRACE, "ignored signal message " + message.getMessageCase());
        }
    }

    @Override
    public void onClosed(String reason) {
        teardown(false, reason);
    }

    /** Runs {@code task} on the event thread; dropped once the session has shut its executor down. */
    private void runOnEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.TRACE, "event after close dropped");
        }
    }

    private void ping() {
        long silentNanos = options.time().nanos() - signal.lastMessageNanos();
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, join.getPingTimeout()));
        if (silentNanos > timeoutNanos) {
            runOnEvents(() -> teardown(false, "signal ping timeout: nothing from the server for "
                    + Duration.ofNanos(silentNanos).toMillis() + " ms"));
            return;
        }
        signal.send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder()
                .setTimestamp(options.time().now().toEpochMilli()).setRtt(lastRttMillis)).build());
    }

    @Override
    public LocalAudioTrack publishAudio(String name) {
        Objects.requireNonNull(name, "name");
        requireOpen();
        LocalAudioTrackImpl track = LocalAudioTrackImpl.create(this, deps.factory(), options.time());
        CompletableFuture<TrackInfo> published = new CompletableFuture<>();
        pendingTracks.put(track.cid(), published);
        signal.send(SignalRequest.newBuilder().setAddTrack(livekit.LivekitRtc.AddTrackRequest.newBuilder()
                .setCid(track.cid()).setName(name).setType(LivekitModels.TrackType.AUDIO)
                .setSource(LivekitModels.TrackSource.MICROPHONE)
                .addAudioFeatures(LivekitModels.AudioTrackFeature.TF_NO_DTX)).build());
        try {
            TrackInfo info = await(published, options.operationTimeout(), "track publication '" + name + "'");
            track.attach(info.getSid(), publisher, localParticipant().sid());
            localTracks.put(info.getSid(), track);
            await(publisher.negotiate(), options.operationTimeout(), "publisher negotiation");
            return track;
        } catch (RuntimeException e) {
            pendingTracks.remove(track.cid());
            track.unpublish();
            throw e;
        }
    }

    void sendSignal(SignalRequest request) {
        signal.send(request);
    }

    void forget(LocalAudioTrackImpl track) {
        localTracks.remove(track.trackSid());
    }

    @Override
    public void sendData(byte[] payload, DataOptions dataOptions) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(dataOptions, "options");
        if (payload.length > MAX_DATA_BYTES) {
            throw new DataTooLargeException(payload.length, MAX_DATA_BYTES);
        }
        LivekitModels.UserPacket.Builder user = LivekitModels.UserPacket.newBuilder()
                .setPayload(ByteString.copyFrom(payload));
        if (!dataOptions.topic().isEmpty()) {
            user.setTopic(dataOptions.topic());
        }
        sendPacket(DataPacket.newBuilder().setUser(user), dataOptions.reliable(),
                dataOptions.destinationIdentities());
    }

    @Override
    public void sendText(String topic, String text, Map<String, String> attributes,
                         List<String> destinationIdentities) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attributes, "attributes");
        List<String> to = List.copyOf(destinationIdentities);
        synchronized (textStreams) {
            long now = System.currentTimeMillis();
            for (DataPacket.Builder packet : TextStreams.outgoing(topic, text, attributes, now)) {
                sendPacket(packet, true, to);
            }
        }
    }

    @Override
    public void setAttributes(Map<String, String> attributes) {
        requireOpen();
        signal.send(SignalRequest.newBuilder().setUpdateMetadata(livekit.LivekitRtc.UpdateParticipantMetadata
                .newBuilder().putAllAttributes(Map.copyOf(attributes))).build());
    }

    private void sendPacket(DataPacket.Builder packet, boolean reliable, List<String> destinations) {
        requireOpen();
        packet.setParticipantIdentity(localParticipant().identity()).addAllDestinationIdentities(destinations);
        if (reliable) {
            packet.setSequence((int) publisher.nextSequence());
        }
        publisher.send(packet.build().toByteArray(), reliable);
    }

    @Override
    public CompletableFuture<String> performRpc(String destinationIdentity, String method, String payload,
                                                Duration responseTimeout) {
        Objects.requireNonNull(destinationIdentity, "destinationIdentity");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        return rpc.perform(destinationIdentity, method, payload, responseTimeout);
    }

    @Override
    public void registerRpcMethod(String method, RpcHandler handler) {
        rpc.register(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public void unregisterRpcMethod(String method) {
        rpc.unregister(method);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new RtcStateException("session is closed");
        }
    }

    <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RtcTimeoutException(what + " did not finish within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RtcException rtc) {
                throw rtc;
            }
            if (cause instanceof TimeoutException) {
                throw new RtcTimeoutException(what + " did not finish within " + timeout);
            }
            throw new RtcStateException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtcStateException("interrupted during " + what);
        }
    }

    @Override
    public Participant localParticipant() {
        return Participants.of(join.getParticipant());
    }

    @Override
    public String roomName() {
        return join.getRoom().getName();
    }

    @Override
    public String serverVersion() {
        return join.getServerInfo().getVersion();
    }

    @Override
    public Duration joinDuration() {
        return Duration.ofNanos(joinNanos);
    }

    @Override
    public List<Participant> remoteParticipants() {
        return participants.remote();
    }

    @Override
    public void addListener(RoomListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RoomListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean isConnected() {
        return !closed.get();
    }

    @Override
    public void close() {
        teardown(true, "client closed the session");
    }

    private void teardown(boolean sendLeave, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "session ends: " + reason);
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (sendLeave) {
            signal.send(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                    .setReason(DisconnectReason.CLIENT_INITIATED).setAction(LeaveRequest.Action.DISCONNECT)).build());
        }
        signal.close();
        localTracks.values().forEach(LocalAudioTrackImpl::stopPacing);
        pendingTracks.values().forEach(f -> f.completeExceptionally(new RtcStateException("session closed")));
        rpc.close();
        if (publisher != null) {
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        events.execute(() -> listeners.fire(l -> l.onDisconnected(reason)));
        events.shutdown();
        onClosed.accept(this);
    }
}
