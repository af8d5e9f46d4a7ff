package dev.switchboard.media.rtc;

import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRtc.LeaveRequest;

/**
 * Drives the recovery of a lost connection on one virtual thread ({@code rtc-reconnect}): attempts
 * spaced by the {@link ReconnectSchedule}, each a resume or a rejoin done by the {@link Target}; a resume
 * the server refuses with {@code leave RECONNECT} turns the next attempts into rejoins. Reports
 * {@link ConnectionChange}s and gives up at the deadline. Losses reported while a recovery runs join it;
 * the target checks its health after reporting success and reports a new loss if there is one.
 * Thread-safe.
 */
final class Reconnector {

    private static final System.Logger LOG = System.getLogger(Reconnector.class.getName());

    /** What the recovery acts on: the session. */
    interface Target {
        /** Resumes; throws {@link ResumeRefusedException} when the server says leave, any RtcException else. */
        void resume(ReconnectReason reason);

        /** Joins again; returns the new participant sid. */
        String rejoin();

        String participantSid();

        /** Whether the server allows resuming ({@code client_configuration.resume_connection}). */
        boolean resumeAllowed();

        boolean isClosed();

        void changed(ConnectionChange change);

        /** Ends the session with {@code reason}. */
        void giveUp(String reason);
    }

    private final ReconnectPolicy policy;
    private final TimeSource time;
    private final Target target;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean rejoinRequested;
    private volatile Thread thread;

    Reconnector(ReconnectPolicy policy, TimeSource time, Target target) {
        this.policy = policy;
        this.time = time;
        this.target = target;
    }

    /** The connection was lost; starts recovering (preferring {@code preferred}) unless already doing so. */
    void lost(Recovery preferred, ReconnectReason reason, String cause) {
        if (!policy.enabled()) {
            target.giveUp(cause + " (reconnecting is disabled)");
            return;
        }
        if (preferred == Recovery.REJOIN) {
            rejoinRequested = true;
        }
        if (running.compareAndSet(false, true)) {
            long lostAt = time.nanos();
            thread = Thread.ofVirtual().name("rtc-reconnect").start(() -> run(lostAt, reason, cause));
        }
    }

    boolean isRunning() {
        return running.get();
    }

    /** Stops a recovery in progress (the session is closing). */
    void close() {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    private void run(long lostAt, ReconnectReason reason, String firstCause) {
        ReconnectSchedule schedule = new ReconnectSchedule(policy, lostAt);
        String cause = firstCause;
        boolean released = false;
        try {
            for (int attempt = 1; !target.isClosed(); attempt++) {
                if (schedule.expired(time.nanos())) {
                    target.giveUp("gave up reconnecting after " + (attempt - 1) + " attempts in "
                            + schedule.elapsed(time.nanos()).toMillis() + " ms (ReconnectPolicy.giveUpAfter "
                            + policy.giveUpAfter() + "); last cause: " + cause);
                    return;
                }
                Duration backoff = schedule.delayBefore(attempt);
                Duration left = schedule.remaining(time.nanos());
                if (!sleep(backoff.compareTo(left) < 0 ? backoff : left) || target.isClosed()) {
                    return;
                }
                Recovery recovery = rejoinRequested ? Recovery.REJOIN
                        : schedule.recovery(time.nanos(), target.resumeAllowed());
                target.changed(new ConnectionChange.Reconnecting(attempt, recovery, cause));
                try {
                    ConnectionChange done = attempt(recovery, reason, attempt, schedule);
                    released = true;
                    running.set(false);
                    target.changed(done);
                    return;
                } catch (ResumeRefusedException e) {
                    if (e.action() == LeaveRequest.Action.DISCONNECT) {
                        target.giveUp(e.getMessage());
                        return;
                    }
                    rejoinRequested = true;
                    cause = e.getMessage();
                } catch (RtcException e) {
                    cause = recovery + " attempt " + attempt + " failed: " + e.getMessage();
                }
                LOG.log(System.Logger.Level.DEBUG, cause);
            }
        } finally {
            if (!released) {
                running.set(false);
            }
        }
    }

    /** One attempt; returns the change to report (the target reports it, then checks its health again). */
    private ConnectionChange attempt(Recovery recovery, ReconnectReason reason, int attempt,
                                     ReconnectSchedule schedule) {
        if (recovery == Recovery.RESUME) {
            target.resume(reason);
            return new ConnectionChange.Resumed(attempt, schedule.elapsed(time.nanos()));
        }
        String before = target.participantSid();
        String after = target.rejoin();
        rejoinRequested = false;
        return new ConnectionChange.Rejoined(attempt, schedule.elapsed(time.nanos()), before, after);
    }

    private static boolean sleep(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
