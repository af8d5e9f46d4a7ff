package dev.switchboard.bench.rtc;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.PacerStats;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java participants in pairs: each pair has its own room, both publish a tone (440 and 660 Hz) and each
 * subscribes to the other's, like a one-to-one call. One feeder thread keeps every track's queue
 * between 200 and 300 ms; listeners count received frames and audible samples. Thread-safe.
 */
final class JavaCrowd implements AutoCloseable {

    private static final Tone LOW = new Tone(440);
    private static final Tone HIGH = new Tone(660);
    private final RtcLab lab;
    private final String prefix;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final ExecutorService joiners = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory());
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bench-feeder").daemon().factory());
    private int pairs;

    JavaCrowd(RtcLab lab, String prefix) {
        this.lab = lab;
        this.prefix = prefix;
        feeder.scheduleAtFixedRate(this::feed, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Adds {@code count} pairs (joins and publishes, four at a time); returns when all publish. */
    void addPairs(int count) throws Exception {
        List<Future<Member>> joining = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String room = prefix + "-" + (pairs++);
            joining.add(joiners.submit(() -> join(room + "-a", room, LOW)));
            joining.add(joiners.submit(() -> join(room + "-b", room, HIGH)));
        }
        for (Future<Member> f : joining) {
            members.add(f.get(60, TimeUnit.SECONDS));
        }
    }

    int size() {
        return members.size();
    }

    CrowdTotals totals() {
        long sent = 0;
        long late = 0;
        long maxLate = 0;
        long received = 0;
        long audible = 0;
        for (Member m : members) {
            PacerStats s = m.track.stats();
            sent += s.slots();
            late += s.missed();
            maxLate = Math.max(maxLate, s.maxLatenessNanos());
            received += m.received.get();
            audible += m.audible.get();
        }
        return new CrowdTotals(members.size(), sent, late, maxLate, received, audible);
    }

    private Member join(String identity, String room, Tone tone) {
        RoomSession session = lab.client().connect(lab.options(identity, room));
        try {
            Member member = new Member(session, tone);
            session.addListener(member);
            member.track = session.publishAudio("tone");
            return member;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void feed() {
        try {
            for (Member m : members) {
                while (m.track.queuedMillis() < 200) {
                    m.track.write(m.tone.slice(m.slices++));
                }
            }
        } catch (RuntimeException e) {
            System.err.println("bench feeder: " + e); // a closed session; the totals will show the gap
        }
    }

    /** Closes every session (four at a time) and waits up to 30 s for each. */
    @Override
    public void close() {
        feeder.shutdownNow();
        List<Future<?>> closing = new ArrayList<>();
        for (Member m : members) {
            closing.add(joiners.submit(m.session::close));
        }
        try {
            for (Future<?> f : closing) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("bench: a session did not close cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            joiners.shutdownNow();
            members.clear();
        }
    }

    /** One participant and its counters. */
    private static final class Member implements RoomListener {
        private final RoomSession session;
        private final Tone tone;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong audible = new AtomicLong();
        private volatile LocalAudioTrack track;
        private long slices;

        Member(RoomSession session, Tone tone) {
            this.session = session;
            this.tone = tone;
        }

        @Override
        public void onAudioFrame(AudioFrame frame) {
            received.incrementAndGet();
            if (Tone.audible(frame.samples())) {
                audible.addAndGet(frame.samplesPerChannel());
            }
        }
    }
}
