package dev.switchboard.media.voice.session;

import java.time.Duration;

/**
 * Latency of one agent turn, measured on the session's clock. A figure that did not apply (no STT,
 * no LLM) is {@link Duration#ZERO}. Immutable.
 *
 * @param turn            1-based turn number
 * @param agent           the agent that answered
 * @param endOfUtterance  user stopped speaking (VAD end minus its silence) → turn committed
 * @param sttFinal        user stopped speaking → final transcript
 * @param llmTtft         LLM request → first token
 * @param ttsTtfb         first text pushed to the TTS → first audio back
 * @param endToEnd        user stopped speaking → the reply's first audio frame leaves for the room
 * @param frameworkAdded  end-to-end minus end-of-utterance minus the providers' time after the commit
 *                        (the LLM streaming its first clause, the TTS's first byte): what this
 *                        framework added (queues, chunking, resampling, pacing)
 */
public record TurnMetrics(int turn, String agent, Duration endOfUtterance, Duration sttFinal, Duration llmTtft,
                          Duration ttsTtfb, Duration endToEnd, Duration frameworkAdded) {
}
