package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.RoomListener;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one participant's audio sounded like where it was received: the RMS of each 10 ms frame with the
 * time it arrived (process clock). Used on the user's side (the agent's voice) and on the agent's side
 * (the user's voice, to time barge-in from when the agent could first hear it). Thread-safe.
 */
final class Levels implements RoomListener {

    /** The level of one received 10 ms frame. */
    record Level(long nanos, double rms) {
    }

    private final String identity;
    private final ConcurrentLinkedQueue<Level> levels = new ConcurrentLinkedQueue<>();

    /** Listens to the audio of the participant {@code identity}. */
    Levels(String identity) {
        this.identity = identity;
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        if (frame.track().participantIdentity().equals(identity)) {
            levels.add(new Level(frame.receivedNanos(), rms(frame.samples())));
        }
    }

    /** Mean RMS of the frames received in [from, to); 0 when none arrived. */
    double mean(long from, long to) {
        return levels.stream().filter(l -> l.nanos() >= from && l.nanos() < to).mapToDouble(Level::rms).average()
                .orElse(0);
    }

    /** When a frame above {@code rms} first arrived at or after {@code from}. */
    Optional<Long> firstAbove(long from, double rms) {
        return levels.stream().filter(l -> l.nanos() >= from && l.rms() > rms).map(Level::nanos).findFirst();
    }

    /** When a frame above {@code rms} last arrived. */
    Optional<Long> lastAbove(double rms) {
        return levels.stream().filter(l -> l.rms() > rms).map(Level::nanos).reduce((a, b) -> b);
    }

    static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return s.length == 0 ? 0 : Math.sqrt(sum / s.length);
    }
}
