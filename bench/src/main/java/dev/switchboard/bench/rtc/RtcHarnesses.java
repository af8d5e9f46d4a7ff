package dev.switchboard.bench.rtc;

import dev.switchboard.bench.EndToEnd;
import java.util.List;

/**
 * The realtime (Java LiveKit participant) harnesses, in the order {@code bench/run.sh} runs them. Each
 * starts its own livekit-server in a network namespace (needs root and the livekit-server binary from
 * {@code scripts/setup.d/20-livekit.sh}). Stateless.
 */
public final class RtcHarnesses {

    private RtcHarnesses() {
    }

    /** Footprint (CPU, RSS vs Python), join time, capacity ramp. */
    public static List<EndToEnd> all() {
        return List.of(new RtcFootprintBench(), new RtcJoinBench(), new RtcCapacityBench());
    }
}
