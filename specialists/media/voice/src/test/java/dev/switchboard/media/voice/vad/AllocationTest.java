package dev.switchboard.media.voice.vad;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Steady-state pushing allocates (almost) nothing on the Java heap. */
class AllocationTest {

    private static long allocatedPerWindow(Vad vad, int window) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        short[] pcm = Utterances.quietInNoise(0.3);
        try (VadStream stream = vad.stream(VadOptions.defaults(), new VadListener() {
            @Override
            public void onSpeechStart(VadEvent event) {
            }

            @Override
            public void onSpeechEnd(VadEvent event) {
            }
        })) {
            int windows = pcm.length / window;
            for (int k = 0; k < windows; k++) {
                stream.push(pcm, k * window, window);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < windows; k++) {
                stream.push(pcm, k * window, window);
            }
            long bytes = (threads.getCurrentThreadAllocatedBytes() - before) / windows;
            System.out.println(vad.name() + ": " + bytes + " bytes allocated per window");
            return bytes;
        }
    }

    @Test
    void sileroAllocatesOnlyOnnxruntimesResultWrapperPerWindow() {
        // measured 681 bytes: OrtSession.Result and its small list and map; tensors are reused
        try (Vad vad = SileroVad.create()) {
            assertThat(allocatedPerWindow(vad, 512)).isLessThan(1024);
        }
    }

    @Test
    void webRtcAllocatesNothingPerWindow() {
        assertThat(allocatedPerWindow(WebRtcVad.create(), 480)).isLessThan(64);
    }
}
