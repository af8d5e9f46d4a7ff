package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One PeerConnection with the things LiveKit needs around it: remote ICE candidates are buffered
 * until a remote description is set, every description step is a future, and the connection state is
 * tracked (with a future for "connected again") and reported to a watcher. Once {@link #close closed},
 * every step fails with {@link RtcStateException} instead of reaching the native PeerConnection
 * (webrtc-java throws "Object handle is null" for any call on a closed one, which a session torn
 * down while a negotiation is in flight would otherwise meet). Thread-safe; callers serialize
 * negotiations themselves (one chain per transport).
 */
final class PeerTransport {

    private static final AtomicInteger OPEN = new AtomicInteger();
    private final String name;
    private final List<RTCIceCandidate> pending = new ArrayList<>();
    private RTCPeerConnection pc;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean remoteSet;
    /** Guards the state; never held while calling into native code (the signaling thread takes it). */
    private final Object stateLock = new Object();
    private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
    private CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile BiConsumer<PeerTransport, RTCPeerConnectionState> watcher = (t, s) -> { };

    PeerTransport(String name) {
        this.name = name;
    }

    void attach(RTCPeerConnection connection) {
        this.pc = connection;
        OPEN.incrementAndGet();
    }

    /** PeerConnections attached and not yet closed, in this process (tests check nothing leaks). */
    static int openCount() {
        return OPEN.get();
    }

    RTCPeerConnection connection() {
        return pc;
    }

    String name() {
        return name;
    }

    /** Who hears about connection state changes (the session, to notice lost media). */
    void watch(BiConsumer<PeerTransport, RTCPeerConnectionState> value) {
        this.watcher = value;
    }

    /** Called by the PeerConnection's observer on every connection state change. */
    void stateChanged(RTCPeerConnectionState value) {
        synchronized (stateLock) {
            state = value;
            if (value == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (connected.isDone()) {
                connected = new CompletableFuture<>();
            }
        }
        watcher.accept(this, value);
    }

    RTCPeerConnectionState state() {
        return state;
    }

    /** Adds a send transceiver for {@code track}; fails with {@link RtcStateException} when closed. */
    RTCRtpTransceiver addTransceiver(MediaStreamTrack track, RTCRtpTransceiverInit init) {
        RTCRtpTransceiver[] added = new RTCRtpTransceiver[1];
        if (!whileOpen(() -> added[0] = pc.addTransceiver(track, init))) {
            throw new RtcStateException(name + " addTransceiver: the connection is closed");
        }
        return added[0];
    }

    /** Stops sending through {@code sender}; returns false (and does nothing) when the connection is closed. */
    boolean removeTrack(RTCRtpSender sender) {
        return whileOpen(() -> pc.removeTrack(sender));
    }

    /** WebRTC's statistics for what {@code sender} sends (fails when the connection is closed). */
    CompletableFuture<RTCStatsReport> stats(RTCRtpSender sender) {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        step(report, "getStats", () -> pc.getStats(sender, report::complete));
        return report;
    }

    /** Completes when the connection is (or next becomes) {@code connected}. */
    CompletableFuture<Void> connected() {
        synchronized (stateLock) {
            return connected;
        }
    }

    /** Replaces the ICE servers (after a resume the server may hand out new TURN credentials). */
    void updateConfiguration(RTCConfiguration configuration) {
        whileOpen(() -> pc.setConfiguration(configuration));
    }

    /**
     * Adds a remote candidate now, or after the remote description when none is set yet. The native call
     * happens outside the lock: it waits for WebRTC's signaling thread, which may be flushing candidates.
     */
    void addRemoteCandidate(RTCIceCandidate candidate) {
        synchronized (this) {
            if (!remoteSet) {
                pending.add(candidate);
                return;
            }
        }
        whileOpen(() -> pc.addIceCandidate(candidate));
    }

    CompletableFuture<RTCSessionDescription> createOffer(boolean iceRestart) {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        RTCOfferOptions offerOptions = new RTCOfferOptions();
        offerOptions.iceRestart = iceRestart;
        step(result, "createOffer", () -> pc.createOffer(offerOptions, new CreateObserver(result, "createOffer")));
        return result;
    }

    CompletableFuture<RTCSessionDescription> createAnswer() {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        step(result, "createAnswer", () -> pc.createAnswer(new RTCAnswerOptions(), new CreateObserver(result,
                "createAnswer")));
        return result;
    }

    CompletableFuture<Void> setLocal(RTCSessionDescription description) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        step(result, "setLocalDescription", () -> pc.setLocalDescription(description,
                new SetObserver(result, "setLocalDescription")));
        return result;
    }

    /** Sets the remote description, then flushes the buffered candidates. */
    CompletableFuture<Void> setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        step(result, "setRemoteDescription", () -> pc.setRemoteDescription(description,
                new SetObserver(result, "setRemoteDescription")));
        return result.thenRun(this::flushCandidates);
    }

    /** Runs a native negotiation step, or fails {@code result} when the transport is (or gets) closed. */
    private void step(CompletableFuture<?> result, String step, Runnable call) {
        if (!whileOpen(call)) {
            result.completeExceptionally(new RtcStateException(name + " " + step + ": the connection is closed"));
        }
    }

    /**
     * Calls into the PeerConnection unless it is closed; returns whether it did. A close racing the call
     * makes webrtc-java throw NullPointerException ("Object handle is null"): that counts as closed.
     */
    private boolean whileOpen(Runnable call) {
        if (closed.get()) {
            return false;
        }
        try {
            call.run();
            return true;
        } catch (NullPointerException e) {
            if (closed.get()) {
                return false;
            }
            throw e;
        }
    }

    private void flushCandidates() {
        List<RTCIceCandidate> buffered;
        synchronized (this) {
            remoteSet = true;
            buffered = List.copyOf(pending);
            pending.clear();
        }
        for (RTCIceCandidate c : buffered) {
            whileOpen(() -> pc.addIceCandidate(c));
        }
    }

    /** Closes the PeerConnection once; later calls and steps do nothing or fail. */
    void close() {
        if (pc != null && closed.compareAndSet(false, true)) {
            OPEN.decrementAndGet();
            pc.close();
        }
    }

    private final class CreateObserver implements CreateSessionDescriptionObserver {
        private final CompletableFuture<RTCSessionDescription> result;
        private final String step;

        CreateObserver(CompletableFuture<RTCSessionDescription> result, String step) {
            this.result = result;
            this.step = step;
        }

        @Override
        public void onSuccess(RTCSessionDescription description) {
            result.complete(description);
        }

        @Override
        public void onFailure(String error) {
            result.completeExceptionally(new RtcStateException(name + " " + step + " failed: " + error));
        }
    }

    private final class SetObserver implements SetSessionDescriptionObserver {
        private final CompletableFuture<Void> result;
        private final String step;

        SetObserver(CompletableFuture<Void> result, String step) {
            this.result = result;
            this.step = step;
        }

        @Override
        public void onSuccess() {
            result.complete(null);
        }

        @Override
        public void onFailure(String error) {
            result.completeExceptionally(new RtcStateException(name + " " + step + " failed: " + error));
        }
    }
}
