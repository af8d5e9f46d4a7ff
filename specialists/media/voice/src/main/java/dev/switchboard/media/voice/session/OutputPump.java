package dev.switchboard.media.voice.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one platform thread that feeds every session's {@link AudioOutput} to its track, every 10 ms.
 * Started on first use. Thread-safe.
 */
final class OutputPump {

    private static final Set<AudioOutput> OUTPUTS = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("voice-output-pump").daemon().priority(Thread.MAX_PRIORITY).factory());

    static {
        TICKER.scheduleAtFixedRate(OutputPump::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    private OutputPump() {
    }

    static void add(AudioOutput output) {
        OUTPUTS.add(output);
    }

    static void remove(AudioOutput output) {
        OUTPUTS.remove(output);
    }

    private static void tick() {
        for (AudioOutput output : OUTPUTS) {
            try {
                output.tick();
            } catch (RuntimeException e) {
                System.getLogger(OutputPump.class.getName()).log(System.Logger.Level.WARNING, "output tick failed", e);
            }
        }
    }
}
