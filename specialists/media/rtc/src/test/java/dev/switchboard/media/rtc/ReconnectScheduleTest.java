package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recovery timing: backoff, resume window and give-up deadline, on a manual clock. */
class ReconnectScheduleTest {

    private final ManualTime time = ManualTime.fixed();
    private final ReconnectPolicy policy = ReconnectPolicy.builder().minBackoff(Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(2)).resumeWindow(Duration.ofSeconds(5))
            .giveUpAfter(Duration.ofSeconds(30)).build();

    @Test
    void firstAttemptIsImmediateThenBackoffDoublesUpToTheCap() {
        ReconnectSchedule schedule = new ReconnectSchedule(policy, time.nanos());
        assertThat(schedule.delayBefore(1)).isZero();
        assertThat(schedule.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(schedule.delayBefore(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(schedule.delayBefore(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(schedule.delayBefore(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayBefore(500)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void resumesInsideTheWindowThenRejoinsAndRejoinsAtOnceWhenResumeIsDisabled() {
        ReconnectSchedule schedule = new ReconnectSchedule(policy, time.nanos());
        assertThat(schedule.recovery(time.nanos(), true)).isEqualTo(Recovery.RESUME);
        assertThat(schedule.recovery(time.nanos(), false)).isEqualTo(Recovery.REJOIN);
        time.advance(Duration.ofMillis(4_999));
        assertThat(schedule.recovery(time.nanos(), true)).isEqualTo(Recovery.RESUME);
        time.advance(Duration.ofMillis(1));
        assertThat(schedule.recovery(time.nanos(), true)).isEqualTo(Recovery.REJOIN);
    }

    @Test
    void expiresAtTheGiveUpDeadline() {
        ReconnectSchedule schedule = new ReconnectSchedule(policy, time.nanos());
        time.advance(Duration.ofSeconds(29));
        assertThat(schedule.expired(time.nanos())).isFalse();
        assertThat(schedule.elapsed(time.nanos())).isEqualTo(Duration.ofSeconds(29));
        assertThat(schedule.remaining(time.nanos())).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(1));
        assertThat(schedule.expired(time.nanos())).isTrue();
        assertThat(schedule.remaining(time.advance(Duration.ofSeconds(5)).nanos())).isZero();
    }

    @Test
    void badPoliciesNameTheField() {
        assertThatThrownBy(() -> ReconnectPolicy.builder().minBackoff(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("minBackoff: must be positive");
        assertThatThrownBy(() -> ReconnectPolicy.builder().minBackoff(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxBackoff: must be at least");
        assertThatThrownBy(() -> ReconnectPolicy.builder().resumeWindow(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("resumeWindow:");
        assertThatThrownBy(() -> ReconnectPolicy.builder().giveUpAfter(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("giveUpAfter:");
        assertThatThrownBy(() -> ReconnectPolicy.builder().replayPackets(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("replayPackets:");
        assertThat(ReconnectPolicy.builder().resumeWindow(Duration.ZERO).build().resumeWindow()).isZero();
        assertThat(ReconnectPolicy.disabled().enabled()).isFalse();
    }
}
