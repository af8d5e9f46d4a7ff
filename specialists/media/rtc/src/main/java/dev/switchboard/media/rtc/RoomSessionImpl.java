package dev.switchboard.media.rtc;

import static dev.switchboard.media.rtc.Awaits.await;

import com.google.protobuf.ByteString;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.switchboard.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import livekit.LivekitModels;
import livekit.LivekitModels.ClientConfiguration;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.ReconnectResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;

/**
 * The session: joins over {@link SignalConnection}, builds the {@link PublisherSide} and
 * {@link SubscriberSide} PeerConnections from the JoinResponse, routes server messages (on one event
 * thread, in order), pings, notices lost signalling or media and lets the {@link Reconnector} resume or
 * rejoin, and tears everything down once. Messages from a signal connection it replaced are ignored.
 * Thread-safe.
 */
final class RoomSessionImpl implements RoomSession, SignalConnection.Handler, Reconnector.Target {

    private static final System.Logger LOG = System.getLogger(RoomSessionImpl.class.getName());
    private static final int HELD_REQUESTS = 256;
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
    private final Queue<SignalRequest> held = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RpcManager rpc;
    private final TextStreams textStreams = new TextStreams(t -> listeners.fire(l -> l.onTextStream(t)));
    private final ReliableReplay data;
    private final LocalAttributes attributes = new LocalAttributes();
    private final Reconnector reconnector;
    private volatile SignalConnection signal;
    private volatile PublisherSide publisher;
    private volatile SubscriberSide subscriber;
    private volatile JoinResponse join;
    private volatile ClientConfiguration clientConfig = ClientConfiguration.getDefaultInstance();
    private volatile Secret token;
    private volatile ConnectionState state = ConnectionState.CONNECTED;
    private volatile CompletableFuture<Void> connectedGate = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> setup = ready;
    private volatile CompletableFuture<Long> resumeApplied = new CompletableFuture<>();
    private volatile boolean rejoining;
    private volatile long joinNanos;
    private volatile long lastRttMillis;
    private volatile ScheduledFuture<?> pinger;

    private RoomSessionImpl(RtcClientImpl.SessionDeps deps, ConnectOptions options,
                            Consumer<RoomSessionImpl> onClosed) {
        this.deps = deps;
        this.options = options;
        this.onClosed = onClosed;
        this.token = options.token();
        this.signal = SignalConnection.create(options, safeEvents, this);
        this.rpc = new RpcManager(deps.scheduler(), (packet, to) -> sendPacket(packet, true, List.of(to)));
        this.data = new ReliableReplay(options.reconnect().replayPackets());
        this.reconnector = new Reconnector(options.reconnect(), options.time(), this);
    }

    static RoomSessionImpl join(RtcClientImpl.SessionDeps deps, ConnectOptions options,
                                Consumer<RoomSessionImpl> onClosed) {
        RoomSessionImpl session = new RoomSessionImpl(deps, options, onClosed);
        long start = options.time().nanos();
        session.signal.first().whenComplete((j, e) -> {
            if (e != null) {
                session.ready.completeExceptionally(e);
            } else {
                session.joinNanos = options.time().nanos() - start;
            }
        });
        session.signal.open(deps.http(), options.token());
        try {
            await(session.ready, options.joinTimeout(), "join");
        } catch (RuntimeException e) {
            session.teardown(false, "join failed");
            throw e;
        }
        return session;
    }

    @Override
    public void onJoin(SignalConnection source, JoinResponse response) {
        if (source != signal) {
            return;
        }
        CompletableFuture<Void> applied = setup;
        try {
            join = response;
            clientConfig = response.getClientConfiguration();
            participants.setLocal(Participants.of(response.getParticipant()));
            RTCConfiguration config = SessionMessages.rtcConfiguration(response.getIceServersList(), clientConfig);
            PublisherSide pub = new PublisherSide(this::sendSignal, options.operationTimeout());
            pub.transport().attach(deps.factory().createPeerConnection(config, pub));
            pub.transport().watch(this::transportChanged);
            pub.createDataChannels();
            SubscriberSide sub = new SubscriberSide(this::sendSignal, listeners, safeEvents, participants::identityOf,
                    options.time(), packet -> {
                        if (!textStreams.accept(packet)) {
                            rpc.onPacket(packet);
                        }
                    });
            sub.transport().attach(deps.factory().createPeerConnection(config, sub));
            sub.transport().watch(this::transportChanged);
            publisher = pub;
            subscriber = sub;
            if (closed.get()) {   // torn down (a join that timed out) while this ran: teardown may not see these
                closeSides();
                applied.completeExceptionally(new RtcStateException("session closed while joining"));
                return;
            }
            data.use(pub::send);
            if (rejoining) {
                participants.reset(response.getOtherParticipantsList());
            } else {
                response.getOtherParticipantsList().forEach(participants::apply);
            }
            pub.negotiate();
            if (pinger == null) {
                long interval = Math.max(1, response.getPingInterval());
                pinger = deps.scheduler().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.SECONDS);
            }
            applied.complete(null);
        } catch (RuntimeException e) {
            applied.completeExceptionally(new RtcStateException("could not set up WebRTC after join: " + e, e));
        }
    }

    @Override
    public void onResumed(SignalConnection source, ReconnectResponse response) {
        if (source != signal) {
            return;
        }
        if (response.hasClientConfiguration()) {
            clientConfig = response.getClientConfiguration();
        }
        if (response.getIceServersCount() > 0) {
            RTCConfiguration config = SessionMessages.rtcConfiguration(response.getIceServersList(), clientConfig);
            try {
                publisher.transport().updateConfiguration(config);
                subscriber.transport().updateConfiguration(config);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not apply the resume's ICE servers", e);
            }
        }
        source.send(SessionMessages.syncState(subscriber, publisher, localTracks.values(), options.autoSubscribe()));
        for (SignalRequest r; (r = held.poll()) != null; ) {
            source.send(r);
        }
        resumeApplied.complete(Integer.toUnsignedLong(response.getLastMessageSeq()));
    }

    @Override
    public void onMessage(SignalConnection source, SignalResponse message) {
        if (source != signal || closed.get()) {
            return;
        }
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
            case REFRESH_TOKEN -> token = Secret.of(options.token().reference() + " (refreshed)",
                    message.getRefreshToken());
            case LEAVE -> onLeave(message.getLeave());
            default -> LOG.log(System.Logger.Level.TRACE, "ignored signal message " + message.getMessageCase());
        }
    }

    private void onLeave(LeaveRequest leave) {
        String what = "server sent leave (" + leave.getReason() + ", " + leave.getAction() + ")";
        switch (leave.getAction()) {
            case RESUME -> lost(Recovery.RESUME, ReconnectReason.RR_UNKNOWN, what);
            case RECONNECT -> lost(Recovery.REJOIN, ReconnectReason.RR_UNKNOWN, what);
            default -> teardown(false, what);
        }
    }

    @Override
    public void onClosed(SignalConnection source, String reason) {
        if (source == signal) {
            lost(Recovery.RESUME, ReconnectReason.RR_SIGNAL_DISCONNECTED, reason);
        }
    }

    /** A PeerConnection's state changed (signaling thread): failed is lost at once, disconnected after the grace. */
    private void transportChanged(PeerTransport transport, RTCPeerConnectionState now) {
        boolean isPublisher = publisher != null && transport == publisher.transport();
        if (closed.get() || !(isPublisher || subscriber != null && transport == subscriber.transport())) {
            return;
        }
        ReconnectReason reason = isPublisher ? ReconnectReason.RR_PUBLISHER_FAILED
                : ReconnectReason.RR_SUBSCRIBER_FAILED;
        if (now == RTCPeerConnectionState.FAILED) {
            // never act on WebRTC's own thread: closing PeerConnections from it would deadlock
            runOnEvents(() -> lost(Recovery.RESUME, reason, transport.name() + " PeerConnection failed"));
        } else if (now == RTCPeerConnectionState.DISCONNECTED) {
            Duration grace = options.reconnect().iceDisconnectedGrace();
            deps.scheduler().schedule(() -> runOnEvents(() -> {
                RTCPeerConnectionState still = transport.state();
                boolean current = transport == publisher.transport() || transport == subscriber.transport();
                if (current && state == ConnectionState.CONNECTED && (still == RTCPeerConnectionState.DISCONNECTED
                        || still == RTCPeerConnectionState.FAILED)) {
                    lost(Recovery.RESUME, reason, transport.name() + " PeerConnection " + still.name().toLowerCase(
                            java.util.Locale.ROOT) + " for more than " + grace.toMillis() + " ms");
                }
            }), grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The connection is lost: pause data, hold requests and let the reconnector recover (or end). */
    private void lost(Recovery preferred, ReconnectReason reason, String cause) {
        if (closed.get()) {
            return;
        }
        if (options.reconnect().enabled()) {
            synchronized (this) {
                if (state == ConnectionState.CONNECTED) {
                    LOG.log(System.Logger.Level.INFO, "connection lost, reconnecting: " + cause);
                    state = ConnectionState.RECONNECTING;
                    connectedGate = new CompletableFuture<>();
                    data.pause();
                }
            }
        }
        reconnector.lost(preferred, reason, cause);
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
        if (closed.get()) {   // scheduled by a join that raced its own teardown
            pinger.cancel(false);
            return;
        }
        SignalConnection current = signal;
        if (state != ConnectionState.CONNECTED) {
            return;
        }
        long silentNanos = options.time().nanos() - current.lastMessageNanos();
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, join.getPingTimeout()));
        if (silentNanos > timeoutNanos) {
            runOnEvents(() -> onClosed(current, "signal ping timeout: nothing from the server for "
                    + Duration.ofNanos(silentNanos).toMillis() + " ms"));
            return;
        }
        current.send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder()
                .setTimestamp(options.time().now().toEpochMilli()).setRtt(lastRttMillis)).build());
    }

    // ---- recovery (called by the Reconnector on its thread) ----

    @Override
    public void resume(ReconnectReason reason) {
        String sid = localParticipant().sid();
        signal.abort();
        resumeApplied = new CompletableFuture<>();
        SignalConnection next = SignalConnection.resume(options, sid, reason, safeEvents, this);
        signal = next;
        next.open(deps.http(), token);
        await(next.first(), options.joinTimeout(), "resume");
        long lastReceived = await(resumeApplied, options.operationTimeout(), "resume sync");
        PublisherSide pub = publisher;
        await(pub.negotiate(true), options.operationTimeout(), "publisher ICE restart");
        await(CompletableFuture.allOf(pub.transport().connected(), subscriber.transport().connected()),
                options.operationTimeout(), "PeerConnections to reconnect");
        int resent = data.resume(pub::send, lastReceived);
        LOG.log(System.Logger.Level.DEBUG, "resumed; re-sent " + resent + " reliable packets after "
                + lastReceived);
        requireOpen(next, "resume");
    }

    @Override
    public String rejoin() {
        signal.abort();
        closeSides();
        CompletableFuture<Void> applied = new CompletableFuture<>();
        setup = applied;
        rejoining = true;
        SignalConnection next = SignalConnection.create(options, safeEvents, this);
        signal = next;
        next.open(deps.http(), token);
        await(next.first(), options.joinTimeout(), "rejoin");
        await(applied, options.operationTimeout(), "rejoin setup");
        PublisherSide pub = publisher;
        String sid = localParticipant().sid();
        for (LocalAudioTrackImpl track : localTracks.values()) {
            if (!track.isUnpublished()) {
                track.reattach(publish(track), pub, sid);
            }
        }
        await(pub.negotiate(), options.operationTimeout(), "publisher negotiation");
        held.clear();
        int sent = data.rejoined(pub::send);
        LOG.log(System.Logger.Level.DEBUG, "rejoined as " + sid + "; sent " + sent + " waiting reliable packets");
        requireOpen(next, "rejoin");
        return sid;
    }

    private void requireOpen(SignalConnection next, String what) {
        if (!next.isOpen()) {
            throw new RtcStateException("signal connection lost during the " + what);
        }
    }

    private TrackInfo publish(LocalAudioTrackImpl track) {
        CompletableFuture<TrackInfo> published = new CompletableFuture<>();
        pendingTracks.put(track.cid(), published);
        signal.send(SessionMessages.addAudioTrack(track.cid(), track.name(), track.muted()));
        try {
            return await(published, options.operationTimeout(), "track publication '" + track.name() + "'");
        } finally {
            pendingTracks.remove(track.cid());
        }
    }

    private void closeSides() {
        java.util.Optional.ofNullable(publisher).ifPresent(PublisherSide::close);
        java.util.Optional.ofNullable(subscriber).ifPresent(SubscriberSide::close);
    }

    @Override
    public String participantSid() {
        return localParticipant().sid();
    }

    @Override
    public boolean resumeAllowed() {
        return clientConfig.getResumeConnection() != LivekitModels.ClientConfigSetting.DISABLED;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void changed(ConnectionChange change) {
        if (closed.get()) {
            return;
        }
        if (change.state() == ConnectionState.CONNECTED) {
            state = ConnectionState.CONNECTED;
            connectedGate.complete(null);
            LOG.log(System.Logger.Level.INFO, "reconnected: " + change);
        }
        if (change instanceof ConnectionChange.Rejoined) {   // a new participant: set our attributes again
            attributes.restore(this::sendSignal);
        }
        runOnEvents(() -> listeners.fire(l -> l.onConnectionChanged(change)));
        if (change.state() == ConnectionState.CONNECTED) {
            // a loss during the attempt was ignored (a recovery was running): look again
            if (!signal.isOpen()) {
                onClosed(signal, "signal connection lost right after reconnecting");
            }
            transportChanged(publisher.transport(), publisher.transport().state());
            transportChanged(subscriber.transport(), subscriber.transport().state());
        }
    }

    @Override
    public void giveUp(String reason) {
        teardown(false, reason);
    }

    // ---- the public API ----

    @Override
    public LocalAudioTrack publishAudio(String name) {
        Objects.requireNonNull(name, "name");
        requireOpen();
        await(connectedGate, options.operationTimeout(), "reconnect before publishing '" + name + "'");
        LocalAudioTrackImpl track = LocalAudioTrackImpl.create(this, deps.factory(), options.time(), name);
        try {
            PublisherSide pub = publisher;
            track.attach(publish(track), pub, localParticipant().sid());
            localTracks.put(track.cid(), track);
            await(pub.negotiate(), options.operationTimeout(), "publisher negotiation");
            return track;
        } catch (RuntimeException e) {
            track.unpublish();
            throw e;
        }
    }

    void sendSignal(SignalRequest request) {
        if (state == ConnectionState.CONNECTED || SessionMessages.passesWhileReconnecting(request)) {
            signal.send(request);
        } else if (request.getMessageCase() != SignalRequest.MessageCase.PING_REQ && held.size() < HELD_REQUESTS) {
            held.add(request);
        }
    }

    void forget(LocalAudioTrackImpl track) {
        localTracks.remove(track.cid());
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
    public void sendText(String topic, String text, Map<String, String> attributes, List<String> destinations) {
        List<String> to = List.copyOf(destinations);
        textStreams.send(topic, text, attributes, packet -> sendPacket(packet, true, to));
    }

    @Override
    public void setAttributes(Map<String, String> attributes) {
        requireOpen();
        this.attributes.update(attributes, this::sendSignal);
    }

    private void sendPacket(DataPacket.Builder packet, boolean reliable, List<String> destinations) {
        requireOpen();
        packet.setParticipantIdentity(localParticipant().identity()).addAllDestinationIdentities(destinations);
        data.send(packet, reliable);
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
    public ConnectionState connectionState() {
        return state;
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
        state = ConnectionState.DISCONNECTED;
        reconnector.close();
        connectedGate.completeExceptionally(new RtcStateException("session closed: " + reason));
        if (pinger != null) {
            pinger.cancel(false);
        }
        SignalConnection current = signal;
        if (sendLeave) {
            current.send(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                    .setReason(DisconnectReason.CLIENT_INITIATED).setAction(LeaveRequest.Action.DISCONNECT)).build());
        }
        current.close();
        localTracks.values().forEach(LocalAudioTrackImpl::stopPacing);
        pendingTracks.values().forEach(f -> f.completeExceptionally(new RtcStateException("session closed")));
        rpc.close();
        closeSides();
        ConnectionChange ended = new ConnectionChange.Disconnected(reason);
        events.execute(() -> {
            listeners.fire(l -> l.onConnectionChanged(ended));
            listeners.fire(l -> l.onDisconnected(reason));
        });
        events.shutdown();
        onClosed.accept(this);
    }
}
