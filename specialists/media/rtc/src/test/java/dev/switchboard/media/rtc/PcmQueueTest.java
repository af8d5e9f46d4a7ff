package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue between a PCM producer and the pacing thread. */
class PcmQueueTest {

    @Test
    void deliversInOrderAcrossTheWrap() {
        PcmQueue q = new PcmQueue(8);
        q.write(new short[] {1, 2, 3, 4, 5, 6});
        short[] out = new short[4];
        assertThat(q.poll(out)).isEqualTo(4);
        assertThat(out).containsExactly(1, 2, 3, 4);
        q.write(new short[] {7, 8, 9, 10, 11});
        short[] rest = new short[10];
        assertThat(q.poll(rest)).isEqualTo(7);
        assertThat(java.util.Arrays.copyOf(rest, 7)).containsExactly(5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void writesASliceAcrossTheWrap() {
        PcmQueue q = new PcmQueue(5);
        q.write(new short[] {1, 2, 3});
        assertThat(q.poll(new short[3])).isEqualTo(3);
        q.write(new short[] {0, 4, 5, 6, 7, 0}, 1, 4);
        short[] out = new short[5];
        assertThat(q.poll(out)).isEqualTo(4);
        assertThat(java.util.Arrays.copyOf(out, 4)).containsExactly(4, 5, 6, 7);
    }

    @Test
    void producerWaitsForSpaceAndClearDropsQueued() throws Exception {
        PcmQueue q = new PcmQueue(4);
        q.write(new short[] {1, 2, 3, 4});
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> q.write(new short[] {5, 6}));
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        assertThat(q.clear()).isEqualTo(4);
        blocked.get(2, TimeUnit.SECONDS);
        assertThat(q.size()).isEqualTo(2);
    }

    @Test
    void writingAfterCloseFails() {
        PcmQueue q = new PcmQueue(4);
        q.close();
        assertThatThrownBy(() -> q.write(new short[] {1})).isInstanceOf(RtcStateException.class);
    }
}
