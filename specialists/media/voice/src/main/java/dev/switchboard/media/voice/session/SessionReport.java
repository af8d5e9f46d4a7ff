package dev.switchboard.media.voice.session;

import java.time.Instant;
import java.util.List;

/**
 * What happened in one session, saved as JSON when it closes. Immutable.
 *
 * @param sessionId   the session's id
 * @param room        the room's name
 * @param startedAt   when the session started
 * @param endedAt     when it closed (or now, for a running session)
 * @param transcript  what was said, in order (agent entries hold only what the user heard)
 * @param toolCalls   tool calls in order
 * @param handoffs    agent changes in order
 * @param turns       per-turn latency
 * @param states      the state sequence
 * @param failovers   providers a fallback chain passed over, in order
 * @param providerFailures times every provider of a chain (or a lone provider) failed and a turn lost its
 *                    words or its reply: STT, LLM (the fallback line was said) or TTS (the reply was silent)
 */
public record SessionReport(String sessionId, String room, Instant startedAt, Instant endedAt,
                            List<Entry> transcript, List<ToolCallRecord> toolCalls, List<HandoffRecord> handoffs,
                            List<TurnMetrics> turns, List<String> states, List<FailoverRecord> failovers,
                            List<ProviderFailureRecord> providerFailures) {

    /** Copies the lists. */
    public SessionReport {
        transcript = List.copyOf(transcript);
        toolCalls = List.copyOf(toolCalls);
        handoffs = List.copyOf(handoffs);
        turns = List.copyOf(turns);
        states = List.copyOf(states);
        failovers = List.copyOf(failovers);
        providerFailures = List.copyOf(providerFailures);
    }

    /** The report as JSON (times as ISO-8601 instants, durations in milliseconds), as saved at close. */
    public String toJson() {
        return Recorder.toJson(this);
    }

    /**
     * One utterance.
     *
     * @param role        {@code user} or {@code agent}
     * @param agent       the agent active at the time
     * @param text        the words (heard words, for the agent)
     * @param interrupted whether the agent was cut off
     * @param at          when it ended
     */
    public record Entry(String role, String agent, String text, boolean interrupted, Instant at) {
    }

    /**
     * One tool call.
     *
     * @param agent     the agent whose LLM called it
     * @param name      the tool
     * @param arguments the arguments as the model sent them
     * @param result    what the model was told
     * @param error     whether the call failed (error, timeout, unknown tool)
     * @param millis    how long it took
     */
    public record ToolCallRecord(String agent, String name, String arguments, String result, boolean error,
                                 long millis) {
    }

    /**
     * One handoff.
     *
     * @param from the agent that handed over
     * @param to   the agent that took over
     * @param at   when
     */
    public record HandoffRecord(String from, String to, Instant at) {
    }

    /**
     * A fallback chain passed over a provider during this session.
     *
     * @param kind   {@code stt}, {@code llm} or {@code tts}
     * @param chain  the chain's name
     * @param from   the provider passed over
     * @param to     the provider that served instead
     * @param reason its error (for example {@code HTTP 500: boom}), or {@code circuit breaker open} when it
     *               was skipped without a request
     * @param at     when
     */
    public record FailoverRecord(String kind, String chain, String from, String to, String reason, Instant at) {
    }

    /**
     * Every provider of a fallback chain (or a single provider) failed.
     *
     * @param kind   {@code stt} (the stream is re-opened at the user's next speech), {@code llm} (the model
     *               failed before saying anything: the fallback line was spoken) or {@code tts} (no audio came
     *               for a reply: it was silent)
     * @param chain  the chain's (or provider's) name
     * @param reason the error, naming each provider and why it failed
     * @param at     when
     */
    public record ProviderFailureRecord(String kind, String chain, String reason, Instant at) {
    }
}
