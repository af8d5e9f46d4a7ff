package dev.switchboard.media.voice.session;

import java.time.Duration;

/**
 * The timestamps of one turn (nanos on the session's clock, 0 = not reached), turned into
 * {@link TurnMetrics} when the reply's first audio frame leaves. Not thread-safe (the lane owns it).
 */
final class TurnClock {

    long userStopped;
    long sttFinal;
    long committed;
    long llmRequest;
    long llmFirstToken;
    long llmFirstPiece;
    long ttsFirstText;
    long ttsFirstAudio;

    TurnMetrics metrics(int turn, String agent, long firstFrame) {
        Duration eou = between(userStopped, committed);
        Duration stt = between(userStopped, sttFinal);
        Duration ttft = between(llmRequest, llmFirstToken);
        Duration ttfb = between(ttsFirstText, ttsFirstAudio);
        Duration e2e = between(userStopped, firstFrame);
        long llmAfterCommit = llmFirstPiece > 0 && llmRequest > 0
                ? Math.max(0, llmFirstPiece - Math.max(llmRequest, committed)) : 0;
        long providers = llmAfterCommit + ttfb.toNanos();
        Duration added = Duration.ofNanos(Math.max(0, e2e.toNanos() - eou.toNanos() - providers));
        return new TurnMetrics(turn, agent, eou, stt, ttft, ttfb, e2e, added);
    }

    private static Duration between(long from, long to) {
        return from > 0 && to >= from ? Duration.ofNanos(to - from) : Duration.ZERO;
    }
}
