package dev.switchboard.specialist.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ManualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomCreationClockTest {

    private static final long RTT = 4;

    /** Our clock at 1 000 000 ms; the server's clock is {@code skew} ms ahead (negative: behind). */
    private static final class World {
        final ManualTime time = ManualTime.at(Instant.ofEpochMilli(1_000_000));
        final RoomCreationClock clock = new RoomCreationClock(time);
        final long skew;

        World(long skew) {
            this.skew = skew;
        }

        long now() {
            return time.now().toEpochMilli();
        }

        /** A CreateRoom that makes a new room: stamped halfway, by the server's clock. */
        boolean createFresh() {
            long sent = now();
            time.advance(Duration.ofMillis(RTT));
            return clock.created(sent + RTT / 2 + skew, sent, now());
        }

        /** A CreateRoom that finds a room stamped {@code agoMs} before the request left (server clock). */
        boolean createExisting(long agoMs) {
            long sent = now();
            time.advance(Duration.ofMillis(RTT));
            return clock.created(sent - agoMs + skew, sent, now());
        }

        void calibrate() {
            long sent = now();
            time.advance(Duration.ofMillis(RTT));
            clock.learn(sent + RTT / 2 + skew, now());
            time.advance(Duration.ofMillis(RTT));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000, -5_000, 37, -37})
    void freshRoomsAreCreatedAndRoomsOlderThanARoundTripAreAdoptedWhateverTheSkew(long skew) {
        World w = new World(skew);
        assertThat(w.clock.calibrated()).isFalse();
        w.calibrate();
        assertThat(w.clock.calibrated()).isTrue();

        for (int i = 0; i < 5; i++) {
            assertThat(w.createFresh()).as("fresh room, skew %d", skew).isTrue();
            assertThat(w.createExisting(RTT + 2)).as("room from %d ms before, skew %d", RTT + 2, skew).isFalse();
            assertThat(w.createExisting(60_000)).as("old room, skew %d", skew).isFalse();
            w.time.advance(Duration.ofMillis(10));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000, -5_000})
    void aBoundOlderThanAMinuteIsNotTrusted(long skew) {
        World w = new World(skew);
        w.calibrate();
        w.time.advance(Duration.ofSeconds(61));
        assertThat(w.clock.calibrated()).isFalse();
        w.calibrate();
        assertThat(w.clock.calibrated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 800})
    void aServerWithoutMillisecondStampsIsNeverCalibrated(long received) {
        World w = new World(0);
        w.clock.learn(0, received);
        assertThat(w.clock.calibrated()).isFalse();
        assertThat(w.clock.created(0, 0, received)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, -3})
    void aServerClockJumpForwardKeepsFreshRoomsCreatedAndAJumpBackOnlyMakesThemLookAdopted(long jumpSeconds) {
        World w = new World(0);
        w.calibrate();
        long jump = jumpSeconds * 1_000;
        // the server's clock jumps: fresh rooms are still recognised after a jump forward, and a jump
        // back makes them look adopted (safe: it never deletes a room it did not create)
        long sent = w.now();
        w.time.advance(Duration.ofMillis(RTT));
        boolean fresh = w.clock.created(sent + RTT / 2 + jump, sent, w.now());
        assertThat(fresh).isEqualTo(jumpSeconds > 0);
    }
}
