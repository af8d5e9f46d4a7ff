package dev.switchboard.media.voice.session;

import dev.switchboard.testkit.MachineStalls;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long the agent's audio takes to reach the test user, measured once the agent starts speaking
 * (its SPEAKING state and the user's first loud frame, on one process clock). Barge-in tests look for
 * the pause where the user can hear it, {@code nanos} after the agent paused: on a loaded machine the
 * receiver's jitter buffer can hold audio back for seconds, and a fixed window would then measure the
 * machine, not the agent. Immutable.
 *
 * @param heard when the user first heard the agent's reply
 * @param nanos the agent → user delay at that moment
 * @param stalls the machine stall meter when the test began (printed with the figures)
 */
record Lag(long heard, long nanos, MachineStalls.Reading stalls) {

    /** The user asks for a story; returns once the user hears the agent tell it. */
    static Lag tellStory(TestUser user, StateTimes times, MachineStalls.Reading stalls) throws Exception {
        long asked = System.nanoTime();
        user.say(Utterances.speak("Tell me a story"));
        user.waitSpoken();
        long speaking = times.awaitEntered(AgentState.SPEAKING, asked, 10_000)
                .orElseThrow(() -> new AssertionError("the agent never started speaking"));
        long heard = user.hearAgent(speaking, 1000, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("the user never heard the agent"));
        return new Lag(heard, heard - speaking, stalls);
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public String toString() {
        return String.format("agent -> user audio delay %d ms; %s", nanos / 1_000_000,
                MachineStalls.now().since(stalls));
    }
}
