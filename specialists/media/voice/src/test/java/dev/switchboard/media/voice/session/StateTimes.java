package dev.switchboard.media.voice.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's side of a timing check: when (process clock) the session entered each state. The test
 * user runs in the same process, so "the agent paused at t" and "the user heard it at t + lag" are on
 * one clock and the transport's delay can be measured instead of guessed. Thread-safe.
 */
final class StateTimes implements SessionListener {

    /** One state change. */
    record Change(AgentState to, long nanos) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChanged(AgentState from, AgentState to) {
        changes.add(new Change(to, System.nanoTime()));
    }

    /** When the session first entered {@code state} after {@code from}. */
    Optional<Long> entered(AgentState state, long from) {
        return changes.stream().filter(c -> c.to() == state && c.nanos() >= from).map(Change::nanos).findFirst();
    }

    /** Waits up to {@code millis} for {@link #entered}; returns it. */
    Optional<Long> awaitEntered(AgentState state, long from, long millis) throws InterruptedException {
        TestUser.waitFor(() -> entered(state, from).isPresent(), millis);
        return entered(state, from);
    }
}
