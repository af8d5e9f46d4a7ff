package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One PeerConnection with the two things LiveKit needs around it: remote ICE candidates are buffered
 * until a remote description is set, and every description step is a future. Thread-safe; callers
 * serialize negotiations themselves (one chain per transport).
 */
final class PeerTransport {

    private final String name;
    private final List<RTCIceCandidate> pending = new ArrayList<>();
    private RTCPeerConnection pc;
    private boolean remoteSet;

    PeerTransport(String name) {
        this.name = name;
    }

    void attach(RTCPeerConnection connection) {
        this.pc = connection;
    }

    RTCPeerConnection connection() {
        return pc;
    }

    /** Adds a remote candidate now, or after the remote description when none is set yet. */
    synchronized void addRemoteCandidate(RTCIceCandidate candidate) {
        if (remoteSet) {
            pc.addIceCandidate(candidate);
        } else {
            pending.add(candidate);
        }
    }

    CompletableFuture<RTCSessionDescription> createOffer() {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), new CreateObserver(result, "createOffer"));
        return result;
    }

    CompletableFuture<RTCSessionDescription> createAnswer() {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), new CreateObserver(result, "createAnswer"));
        return result;
    }

    CompletableFuture<Void> setLocal(RTCSessionDescription description) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setLocalDescription(description, new SetObserver(result, "setLocalDescription"));
        return result;
    }

    /** Sets the remote description, then flushes the buffered candidates. */
    CompletableFuture<Void> setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setRemoteDescription(description, new SetObserver(result, "setRemoteDescription"));
        return result.thenRun(this::flushCandidates);
    }

    private synchronized void flushCandidates() {
        remoteSet = true;
        for (RTCIceCandidate c : pending) {
            pc.addIceCandidate(c);
        }
        pending.clear();
    }

    void close() {
        if (pc != null) {
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
