package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.TrackPublishedResponse;

/**
 * A published microphone track: {@link CustomAudioSource} → {@link AudioTrack} → a sendonly transceiver
 * whose stream id is the local participant sid, fed by its own {@link AudioPacer}. After a rejoin the
 * same source and track are added to the new publisher PeerConnection under the new track sid; the
 * pacer keeps running throughout, so writers never notice. Thread-safe.
 */
final class LocalAudioTrackImpl implements LocalAudioTrack {

    private static final int QUEUE_SAMPLES = SAMPLE_RATE * 2;
    private final RoomSessionImpl session;
    private final String cid;
    private final String name;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final PcmQueue queue = new PcmQueue(QUEUE_SAMPLES);
    private final AudioPacer pacer;
    private final AtomicBoolean unpublished = new AtomicBoolean();
    private volatile TrackInfo info = TrackInfo.getDefaultInstance();
    private volatile boolean muted;
    private volatile PublisherSide publisher;
    private volatile RTCRtpTransceiver transceiver;

    private LocalAudioTrackImpl(RoomSessionImpl session, PeerConnectionFactory factory, TimeSource time,
                                String name) {
        this.session = session;
        this.name = name;
        this.cid = UUID.randomUUID().toString();
        this.source = new CustomAudioSource();
        this.track = factory.createAudioTrack(cid, source);
        this.pacer = new AudioPacer(source, queue, time, cid.substring(0, 8));
    }

    static LocalAudioTrackImpl create(RoomSessionImpl session, PeerConnectionFactory factory, TimeSource time,
                                      String name) {
        return new LocalAudioTrackImpl(session, factory, time, name);
    }

    String cid() {
        return cid;
    }

    String name() {
        return name;
    }

    boolean muted() {
        return muted;
    }

    boolean isUnpublished() {
        return unpublished.get();
    }

    /** The server's description of the publication, as a resume's SyncState reports it. */
    TrackPublishedResponse published() {
        return TrackPublishedResponse.newBuilder().setCid(cid)
                .setTrack(info.toBuilder().setMuted(muted)).build();
    }

    /** Adds the track to the publisher PC (sendonly, stream = participant sid) and starts pacing at once. */
    void attach(TrackInfo published, PublisherSide side, String participantSid) {
        bind(published, side, participantSid);
        pacer.start();
    }

    /** After a rejoin: the same track on the new publisher PC, under its new sid; the pacer keeps running. */
    void reattach(TrackInfo published, PublisherSide side, String participantSid) {
        bind(published, side, participantSid);
    }

    private void bind(TrackInfo published, PublisherSide side, String participantSid) {
        this.info = published;
        this.publisher = side;
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of(participantSid);
        transceiver = side.transport().addTransceiver(track, init);
    }

    @Override
    public String trackSid() {
        return info.getSid();
    }

    @Override
    public void write(short[] samples) {
        queue.write(Objects.requireNonNull(samples, "samples"), 0, samples.length);
    }

    @Override
    public void write(short[] samples, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(samples, "samples").length);
        queue.write(samples, offset, length);
    }

    @Override
    public int clear() {
        return queue.clear();
    }

    @Override
    public long queuedMillis() {
        return queue.size() * 1000L / SAMPLE_RATE;
    }

    @Override
    public void setMuted(boolean muted) {
        if (unpublished.get()) {
            throw new RtcStateException("track " + trackSid() + " is unpublished");
        }
        this.muted = muted;
        track.setEnabled(!muted);
        session.sendSignal(SignalRequest.newBuilder().setMute(MuteTrackRequest.newBuilder()
                .setSid(trackSid()).setMuted(muted)).build());
    }

    @Override
    public PacerStats stats() {
        return pacer.stats();
    }

    /** Stops the pacer thread without renegotiating (the session is going away). */
    void stopPacing() {
        pacer.stop();
        queue.close();
    }

    /** RTP packets sent so far (WebRTC's {@code outbound-rtp} statistics), e.g. to see DTX at work. */
    long packetsSent() {
        RTCRtpTransceiver t = transceiver;
        PublisherSide side = publisher;
        if (t == null || side == null) {
            return 0;
        }
        RTCStatsReport report = Awaits.await(side.transport().stats(t.getSender()), Duration.ofSeconds(5),
                "statistics of " + info.getSid());
        return report.getStats().values().stream().filter(s -> s.getType() == RTCStatsType.OUTBOUND_RTP)
                .mapToLong(s -> ((Number) s.getAttributes().getOrDefault("packetsSent", 0L)).longValue()).sum();
    }

    @Override
    public void unpublish() {
        if (!unpublished.compareAndSet(false, true)) {
            return;
        }
        stopPacing();
        session.forget(this);
        RTCRtpTransceiver t = transceiver;
        PublisherSide side = publisher;
        if (t != null && side != null && session.isConnected() && side.transport().removeTrack(t.getSender())) {
            side.negotiate();
        }
    }
}
