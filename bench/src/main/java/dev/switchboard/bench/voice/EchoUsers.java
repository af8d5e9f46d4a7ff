package dev.switchboard.bench.voice;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated users of one load level: each speaks the same utterance every {@link #CYCLE_MILLIS}
 * (start times spread over the cycle) into its published microphone and listens to the agent's track;
 * an echo is heard when agent audio above {@link #HEARD_RMS} arrives after the user stopped, but not sooner
 * than {@link #EARLIEST_ECHO_MILLIS}: an agent cannot answer before its VAD has heard that much silence, so
 * audio that soon is a previous echo still playing (counted as overlapping, not as an echo). One
 * platform scheduler thread writes for all users (a write never blocks: the track's queue is empty by
 * the next cycle). Thread-safe.
 */
final class EchoUsers implements AutoCloseable {

    static final long CYCLE_MILLIS = 3_000;
    private static final double HEARD_RMS = 300;
    /** The VAD's minimum silence (Java and Python agents: 250 ms) before an end of speech. */
    static final long EARLIEST_ECHO_MILLIS = 250;
    private final List<User> users = new ArrayList<>();
    private final short[] utterance;
    private final long utteranceNanos;
    private final ScheduledExecutorService speaker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bench-users").daemon().factory());
    private volatile boolean measuring;

    EchoUsers(short[] utterance48k) {
        this.utterance = utterance48k;
        this.utteranceNanos = utterance48k.length * 1_000_000_000L / LocalAudioTrack.SAMPLE_RATE;
    }

    /** Adds a joined user room: listens to agent audio and publishes its microphone. */
    void add(RoomSession room) {
        User user = new User();
        room.addListener(user);
        user.mic = room.publishAudio("mic");
        users.add(user);
    }

    /** Starts speaking (every user, staggered over one cycle). */
    void start() {
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            speaker.scheduleAtFixedRate(() -> user.speak(), i * CYCLE_MILLIS / users.size(), CYCLE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * On: utterances from now on are counted, from zero (the warm-up is over); off: no new ones are, but
     * the echoes of counted ones still are (read the figures a few seconds later).
     */
    void measure(boolean on) {
        if (on) {
            users.forEach(User::resetFigures);
        }
        measuring = on;
    }

    int echoesHeard() {
        return users.stream().mapToInt(u -> u.heard).sum();
    }

    /** Utterances whose "echo" came sooner than an agent can answer: a previous echo was still playing. */
    int overlapping() {
        return users.stream().mapToInt(u -> u.overlapping).sum();
    }

    int utterances() {
        return users.stream().mapToInt(u -> u.spoken).sum();
    }

    /** Milliseconds from "user stopped" to "first echo audio heard", every echo in the window. */
    List<Double> echoLatenciesMillis() {
        List<Double> all = new ArrayList<>();
        users.forEach(u -> {
            synchronized (u) {
                all.addAll(u.latencies);
            }
        });
        return all;
    }

    @Override
    public void close() {
        speaker.shutdownNow();
    }

    private final class User implements RoomListener {
        private LocalAudioTrack mic;
        private volatile long stoppedAt;
        private volatile boolean waiting;
        private volatile boolean counted;
        private final List<Double> latencies = new ArrayList<>();
        private int heard;
        private int overlapping;
        private int spoken;

        void speak() {
            try {
                mic.write(utterance);
            } catch (RuntimeException e) {
                return;
            }
            stoppedAt = System.nanoTime() + utteranceNanos;
            counted = measuring;
            waiting = true;
            if (counted) {
                synchronized (this) {
                    spoken++;
                }
            }
        }

        synchronized void resetFigures() {
            latencies.clear();
            heard = 0;
            overlapping = 0;
            spoken = 0;
        }

        @Override
        public void onAudioFrame(AudioFrame frame) {
            if (!waiting || frame.receivedNanos() < stoppedAt) {
                return;
            }
            double sum = 0;
            for (short s : frame.samples()) {
                sum += (double) s * s;
            }
            if (Math.sqrt(sum / frame.samples().length) > HEARD_RMS) {
                waiting = false;
                double millis = (frame.receivedNanos() - stoppedAt) / 1e6;
                if (counted) {
                    synchronized (this) {
                        if (millis < EARLIEST_ECHO_MILLIS) {
                            overlapping++;
                        } else {
                            heard++;
                            latencies.add(millis);
                        }
                    }
                }
            }
        }
    }
}
