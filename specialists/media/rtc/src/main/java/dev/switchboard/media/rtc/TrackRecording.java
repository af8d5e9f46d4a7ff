package dev.switchboard.media.rtc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One track being written: its WAV writer, a resampler if frames are not 48 kHz, and the first/last frame
 * times. Thread-safe (synchronised; frames for one track arrive on one native thread anyway).
 */
final class TrackRecording {

    private final RemoteAudioTrack track;
    private final String file;
    private final WavWriter wav;
    private final Instant startedAt;
    private Resampler resampler;
    private int resamplerRate;
    private String identity;
    private Instant stoppedAt;
    private boolean finished;
    private final SpeechSegments speech = new SpeechSegments();

    TrackRecording(RemoteAudioTrack track, Path directory, String file, Instant firstFrame) throws IOException {
        this.track = track;
        this.file = file;
        this.identity = track.participantIdentity();
        this.wav = new WavWriter(directory.resolve(file), RoomRecorder.SAMPLE_RATE);
        this.startedAt = firstFrame;
        this.stoppedAt = firstFrame;
    }

    synchronized void write(AudioFrame frame, Instant arrived) throws IOException {
        if (finished) {
            return;
        }
        if (identity.isEmpty()) {
            identity = frame.track().participantIdentity();
        }
        short[] mono = new short[frame.samplesPerChannel()];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = frame.samples()[i * frame.channels()];
        }
        if (frame.sampleRate() != RoomRecorder.SAMPLE_RATE) {
            if (resampler == null || resamplerRate != frame.sampleRate()) {
                resampler = Resampler.create(frame.sampleRate(), RoomRecorder.SAMPLE_RATE);
                resamplerRate = frame.sampleRate();
            }
            mono = resampler.process(mono);
        }
        long before = wav.samples();
        wav.write(mono);
        stoppedAt = arrived.plusNanos(frame.samplesPerChannel() * 1_000_000_000L / frame.sampleRate());
        // segments live on the file's timeline (first frame + samples written), so frames that arrive in a
        // burst after a stall on a loaded machine do not split what is continuous audio in the file
        speech.frame(mono, onTimeline(before), onTimeline(wav.samples()));
    }

    private Instant onTimeline(long samples) {
        return startedAt.plusNanos(samples * 1_000_000_000L / RoomRecorder.SAMPLE_RATE);
    }

    /** Closes the file (idempotent). */
    synchronized void finish() throws IOException {
        if (!finished) {
            finished = true;
            wav.close();
        }
    }

    synchronized void nameIfUnknown(String participantIdentity) {
        if (identity.isEmpty()) {
            identity = participantIdentity;
        }
    }

    synchronized RecordedTrack snapshot() {
        return new RecordedTrack(identity, track.participantSid(), track.trackSid(), file, startedAt, stoppedAt,
                wav.samples(), speech.snapshot());
    }

    RemoteAudioTrack track() {
        return track;
    }
}
