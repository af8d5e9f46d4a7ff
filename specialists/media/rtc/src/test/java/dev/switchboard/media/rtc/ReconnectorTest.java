package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ManualTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRtc.LeaveRequest;
import org.junit.jupiter.api.Test;

/**
 * The recovery loop against a scripted target on a manual clock: each attempt's outcome is scripted and
 * each attempt moves the clock, so resume window, fallback to rejoin and give-up are exercised exactly.
 */
class ReconnectorTest {

    private final ManualTime time = ManualTime.fixed();
    private final ReconnectPolicy policy = ReconnectPolicy.builder().minBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2)).resumeWindow(Duration.ofSeconds(10))
            .giveUpAfter(Duration.ofSeconds(30)).build();

    @Test
    void failedResumesAreRetriedThenTheSessionResumes() throws Exception {
        Script target = new Script(Duration.ofSeconds(1), fail("timeout"), fail("timeout"), null);
        run(policy, target);
        assertThat(target.changes).extracting(String::valueOf).containsExactly(
                "Reconnecting[attempt=1, recovery=RESUME, cause=lost]",
                "Reconnecting[attempt=2, recovery=RESUME, cause=RESUME attempt 1 failed: timeout]",
                "Reconnecting[attempt=3, recovery=RESUME, cause=RESUME attempt 2 failed: timeout]",
                "Resumed[attempts=3, downtime=PT3S]");
    }

    @Test
    void aRefusedResumeFallsBackToRejoin() throws Exception {
        Script target = new Script(Duration.ofSeconds(1), refused(LeaveRequest.Action.RECONNECT), null);
        run(policy, target);
        assertThat(target.changes).hasSize(3);
        assertThat(target.changes.get(1)).isEqualTo(new ConnectionChange.Reconnecting(2, Recovery.REJOIN,
                "server refused the resume (STATE_MISMATCH, RECONNECT)"));
        assertThat(target.changes.get(2)).isEqualTo(new ConnectionChange.Rejoined(2, Duration.ofSeconds(2),
                "PA_old", "PA_new"));
    }

    @Test
    void aRefusalThatSaysDisconnectEndsTheSession() throws Exception {
        Script target = new Script(Duration.ofSeconds(1), refused(LeaveRequest.Action.DISCONNECT));
        run(policy, target);
        assertThat(target.gaveUp).contains("DISCONNECT");
    }

    @Test
    void afterTheResumeWindowAttemptsRejoinAndResumeDisabledRejoinsAtOnce() throws Exception {
        Script slow = new Script(Duration.ofSeconds(6), fail("a"), fail("b"), null);
        run(policy, slow);
        assertThat(slow.changes).filteredOn(c -> c instanceof ConnectionChange.Reconnecting)
                .extracting(c -> ((ConnectionChange.Reconnecting) c).recovery())
                .containsExactly(Recovery.RESUME, Recovery.RESUME, Recovery.REJOIN);

        Script noResume = new Script(Duration.ofSeconds(1), (RtcException) null);
        noResume.resumeAllowed = false;
        run(policy, noResume);
        assertThat(noResume.changes.getFirst()).isEqualTo(new ConnectionChange.Reconnecting(1, Recovery.REJOIN,
                "lost"));
    }

    @Test
    void givesUpAtTheDeadlineNamingAttemptsAndTheLastCause() throws Exception {
        Script target = new Script(Duration.ofSeconds(7), fail("x1"), fail("x2"), fail("x3"), fail("x4"),
                fail("x5"));
        run(policy, target);
        assertThat(target.gaveUp).startsWith("gave up reconnecting after 5 attempts in 35000 ms")
                .contains("giveUpAfter PT30S").endsWith("REJOIN attempt 5 failed: x5");
    }

    @Test
    void disabledEndsTheSessionOnTheFirstLoss() throws Exception {
        Script target = new Script(Duration.ZERO);
        new Reconnector(ReconnectPolicy.disabled(), time, target).lost(Recovery.RESUME,
                ReconnectReason.RR_SIGNAL_DISCONNECTED, "socket closed");
        assertThat(target.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(target.gaveUp).isEqualTo("socket closed (reconnecting is disabled)");
        assertThat(target.attempts).isZero();
    }

    private void run(ReconnectPolicy p, Script target) throws InterruptedException {
        Reconnector reconnector = new Reconnector(p, time, target);
        reconnector.lost(Recovery.RESUME, ReconnectReason.RR_SIGNAL_DISCONNECTED, "lost");
        reconnector.lost(Recovery.RESUME, ReconnectReason.RR_PUBLISHER_FAILED, "ignored: already running");
        assertThat(target.done.await(10, TimeUnit.SECONDS)).as("the recovery finished").isTrue();
    }

    private static RtcException fail(String why) {
        return new RtcStateException(why);
    }

    private static RtcException refused(LeaveRequest.Action action) {
        return new ResumeRefusedException(LeaveRequest.newBuilder()
                .setReason(DisconnectReason.STATE_MISMATCH).setAction(action).build());
    }

    /** Fails or succeeds each attempt as scripted (null = success) and moves the clock per attempt. */
    private final class Script implements Reconnector.Target {
        final List<ConnectionChange> changes = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        final Deque<java.util.Optional<RtcException>> outcomes = new ArrayDeque<>();
        final Duration perAttempt;
        volatile boolean resumeAllowed = true;
        volatile String gaveUp = "";
        volatile int attempts;

        Script(Duration perAttempt, RtcException... script) {
            this.perAttempt = perAttempt;
            for (RtcException e : script) {
                outcomes.add(java.util.Optional.ofNullable(e));
            }
        }

        private void step() {
            attempts++;
            time.advance(perAttempt);
            var next = outcomes.isEmpty() ? java.util.Optional.<RtcException>empty() : outcomes.poll();
            if (next.isPresent()) {
                throw next.get();
            }
        }

        @Override
        public void resume(ReconnectReason reason) {
            step();
        }

        @Override
        public String rejoin() {
            step();
            return "PA_new";
        }

        @Override
        public String participantSid() {
            return "PA_old";
        }

        @Override
        public boolean resumeAllowed() {
            return resumeAllowed;
        }

        @Override
        public boolean isClosed() {
            return done.getCount() == 0;
        }

        @Override
        public void changed(ConnectionChange change) {
            changes.add(change);
            if (change.state() == ConnectionState.CONNECTED) {
                done.countDown();
            }
        }

        @Override
        public void giveUp(String reason) {
            gaveUp = reason;
            done.countDown();
        }
    }
}
