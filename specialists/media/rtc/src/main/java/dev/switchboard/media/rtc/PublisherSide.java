package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import livekit.LivekitRtc.DataChannelInfo;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;

/**
 * The publisher PeerConnection: this client offers, the server answers. Owns the {@code _reliable} and
 * {@code _lossy} send channels (created before the first offer so the SCTP section exists). Negotiations
 * run one after another; an answer whose id is not the latest offer's is ignored. Thread-safe.
 */
final class PublisherSide implements PeerConnectionObserver {

    private static final System.Logger LOG = System.getLogger(PublisherSide.class.getName());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PeerTransport transport = new PeerTransport("publisher");
    private final Consumer<SignalRequest> signal;
    private final Duration timeout;
    private final CompletableFuture<Void> reliableOpen = new CompletableFuture<>();
    private final CompletableFuture<Void> lossyOpen = new CompletableFuture<>();
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private int latestOfferId;
    private CompletableFuture<SessionDescription> pendingAnswer = new CompletableFuture<>();
    private RTCDataChannel reliable;
    private RTCDataChannel lossy;

    PublisherSide(Consumer<SignalRequest> signal, Duration timeout) {
        this.signal = signal;
        this.timeout = timeout;
    }

    PeerTransport transport() {
        return transport;
    }

    /** Creates the two send channels; call once, before the first {@link #negotiate()}. */
    void createDataChannels() {
        RTCDataChannelInit ordered = new RTCDataChannelInit();
        ordered.ordered = true;
        reliable = transport.connection().createDataChannel("_reliable", ordered);
        reliable.registerObserver(new OpenWatcher(reliable, reliableOpen));
        RTCDataChannelInit unordered = new RTCDataChannelInit();
        unordered.ordered = false;
        unordered.maxRetransmits = 0;
        lossy = transport.connection().createDataChannel("_lossy", unordered);
        lossy.registerObserver(new OpenWatcher(lossy, lossyOpen));
    }

    /** Queues an offer/answer round; the future completes when the answer is applied. */
    CompletableFuture<Void> negotiate() {
        return negotiate(false);
    }

    /** Queues an offer/answer round, with fresh ICE credentials when {@code iceRestart} (after a resume). */
    synchronized CompletableFuture<Void> negotiate(boolean iceRestart) {
        chain = chain.handle((ok, error) -> null).thenCompose(ignored -> offerOnce(iceRestart));
        return chain;
    }

    /** The send channels as the server should know them after a resume (label, id, target publisher). */
    List<DataChannelInfo> channelInfos() {
        List<DataChannelInfo> infos = new ArrayList<>();
        for (RTCDataChannel c : new RTCDataChannel[] {reliable, lossy}) {
            if (c != null) {
                infos.add(DataChannelInfo.newBuilder().setLabel(c.getLabel()).setId(c.getId())
                        .setTarget(SignalTarget.PUBLISHER).build());
            }
        }
        return infos;
    }

    private CompletableFuture<Void> offerOnce(boolean iceRestart) {
        return transport.createOffer(iceRestart)
                .thenCompose(offer -> transport.setLocal(offer).thenApply(done -> offer))
                .thenCompose(offer -> {
                    CompletableFuture<SessionDescription> answer;
                    int id;
                    synchronized (this) {
                        id = ++latestOfferId;
                        pendingAnswer = new CompletableFuture<>();
                        answer = pendingAnswer;
                    }
                    signal.accept(SignalRequest.newBuilder().setOffer(SessionDescription.newBuilder()
                            .setType("offer").setSdp(offer.sdp).setId(id)).build());
                    return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                })
                .thenCompose(answer -> transport.setRemote(new RTCSessionDescription(RTCSdpType.ANSWER,
                        answer.getSdp())));
    }

    /** The server's answer to one of our offers. */
    synchronized void onAnswer(SessionDescription answer) {
        if (answer.getId() != 0 && answer.getId() != latestOfferId) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring stale publisher answer " + answer.getId());
            return;
        }
        pendingAnswer.complete(answer);
    }

    /** Sends one serialized DataPacket on the reliable or lossy channel, waiting for it to open. */
    void send(byte[] packet, boolean reliableChannel) {
        CompletableFuture<Void> open = reliableChannel ? reliableOpen : lossyOpen;
        try {
            open.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RtcTimeoutException("data channel did not open within " + timeout);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new RtcStateException("data channel failed to open", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtcStateException("interrupted while waiting for the data channel");
        }
        RTCDataChannel channel = reliableChannel ? reliable : lossy;
        try {
            channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(packet), true));
        } catch (Exception e) {
            throw new RtcStateException("data channel send failed: " + e.getMessage(), e);
        }
    }

    /** Closes the data channels and the connection, once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reliableOpen.completeExceptionally(new RtcStateException("session closed"));
        lossyOpen.completeExceptionally(new RtcStateException("session closed"));
        for (RTCDataChannel c : new RTCDataChannel[] {reliable, lossy}) {
            if (c != null) {
                c.unregisterObserver();
                c.close();
                c.dispose();
            }
        }
        transport.close();
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        signal.accept(SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(IceCandidateJson.write(candidate)).setTarget(SignalTarget.PUBLISHER)).build());
    }

    @Override
    public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
        LOG.log(System.Logger.Level.DEBUG, "publisher connection " + state);
        transport.stateChanged(state);
    }

    /** Completes a future when a channel reaches OPEN. */
    private static final class OpenWatcher implements RTCDataChannelObserver {
        private final RTCDataChannel channel;
        private final CompletableFuture<Void> open;

        OpenWatcher(RTCDataChannel channel, CompletableFuture<Void> open) {
            this.channel = channel;
            this.open = open;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
        }

        @Override
        public void onStateChange() {
            if (channel.getState() == RTCDataChannelState.OPEN) {
                open.complete(null);
            }
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
        }
    }
}
