package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.switchboard.spi.TimeSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;

/**
 * Turns webrtc-java's per-track PCM callback (native byte order, on the audio thread) into
 * {@link AudioFrame}s for the listeners. The track it reports can change when the server reuses the
 * transceiver for another publication. Builds no frame while nobody listens. Thread-safe.
 */
final class RemoteAudioSink implements AudioTrackSink {

    private final ListenerSet listeners;
    private final Function<String, String> identityOf;
    private final TimeSource time;
    private volatile RemoteAudioTrack track;

    RemoteAudioSink(RemoteAudioTrack track, ListenerSet listeners, Function<String, String> identityOf,
                    TimeSource time) {
        this.track = track;
        this.listeners = listeners;
        this.identityOf = identityOf;
        this.time = time;
    }

    RemoteAudioTrack track() {
        return track;
    }

    void retarget(RemoteAudioTrack newTrack) {
        this.track = newTrack;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        long now = time.nanos();
        if (bitsPerSample != 16 || channels <= 0 || listeners.isEmpty()) {
            return;
        }
        short[] samples = new short[frames * channels];
        ByteBuffer.wrap(data, 0, samples.length * 2).order(ByteOrder.nativeOrder()).asShortBuffer().get(samples);
        RemoteAudioTrack current = track;
        if (current.participantIdentity().isEmpty()) {
            String identity = identityOf.apply(current.participantSid());
            if (!identity.isEmpty()) {
                current = new RemoteAudioTrack(current.participantSid(), identity, current.trackSid());
                track = current;
            }
        }
        AudioFrame frame = new AudioFrame(current, sampleRate, channels, samples, now);
        listeners.fire(l -> l.onAudioFrame(frame));
    }
}
