package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.Transcript;
import dev.switchboard.media.voice.vad.VadEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * Turn taking on the session's lane: endpointing (VAD end + min delay, a turn detector's veto up to
 * max delay, waiting for the STT's final, STT end-of-utterance, dynamic delays), barge-in (pause at
 * once, cancel once confirmed by duration and words, resume after a false interruption), backchannels
 * at turn edges, and preemptive generation. Not thread-safe (the lane owns it).
 */
final class TurnTaking {

    private final AgentSessionImpl session;
    private final TurnHandling.Endpointing endpointing;
    private final TurnHandling.Interruption interruption;
    private final Timers endpointTimer;
    private final Timers confirmTimer;
    private final Timers falseTimer;
    private UserInput input;
    private final StringBuilder turnText = new StringBuilder();
    private String interim = "";
    private boolean userSpeaking;
    private long speechStart;
    private long turnStart;
    private long lastSpeechEnd;
    private boolean finalSinceSpeechEnd;
    private boolean waitingForFinal;
    private boolean extended;
    private boolean pausedForUser;
    private long pauseEmaNanos;
    private TurnClock clock = new TurnClock();

    TurnTaking(AgentSessionImpl session) {
        this.session = session;
        TurnHandling th = session.options().turnHandling();
        this.endpointing = th.endpointing();
        this.interruption = th.interruption();
        this.endpointTimer = new Timers(session.lane());
        this.confirmTimer = new Timers(session.lane());
        this.falseTimer = new Timers(session.lane());
        this.pauseEmaNanos = endpointing.minDelay().toNanos();
    }

    void attach(UserInput value) {
        this.input = value;
    }

    boolean userSpeaking() {
        return userSpeaking;
    }

    void speechStarted(VadEvent event) {
        long now = session.now();
        userSpeaking = true;
        speechStart = now - event.speechDuration().toNanos();
        if (turnStart == 0) {
            turnStart = speechStart;
        }
        session.userActive();
        if (endpointTimer.armed() && lastSpeechEnd > 0) {
            long pause = now - lastSpeechEnd;
            pauseEmaNanos = (long) (0.9 * pauseEmaNanos + 0.1 * pause);
        }
        endpointTimer.cancel();
        waitingForFinal = false;
        extended = false;
        session.cancelPreemptive();
        Optional<Speech> current = session.speaker().current();
        if (current.isEmpty() || !current.get().interruptible || !interruption.enabled()) {
            return;
        }
        if (!current.get().playing) {
            session.speaker().interruptAll();
            return;
        }
        session.speaker().pause();
        pausedForUser = true;
        falseTimer.cancel();
        session.setState(AgentState.LISTENING);
        Duration left = interruption.minDuration().minus(event.speechDuration());
        confirmTimer.arm(left.isNegative() ? Duration.ZERO : left, this::checkConfirm);
    }

    private int wordsNeeded() {
        return input.hearsWords() ? Math.max(1, interruption.minWords()) : 0;
    }

    private int words() {
        String t = (turnText + " " + interim).strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private void checkConfirm() {
        if (!pausedForUser) {
            return;
        }
        long spoken = (userSpeaking ? session.now() : lastSpeechEnd) - speechStart;
        if (spoken < interruption.minDuration().toNanos() || words() < wordsNeeded()) {
            return;
        }
        String said = (turnText + " " + interim).strip();
        if (!said.isEmpty() && Backchannels.is(said)) {
            return;
        }
        endPause();
        session.speaker().interruptAll();
        if (!userSpeaking) {
            scheduleEndpoint();
        }
    }

    void speechEnded(VadEvent event) {
        long now = session.now();
        userSpeaking = false;
        lastSpeechEnd = now;
        finalSinceSpeechEnd = false;
        clock.userStopped = now - event.silenceDuration().toNanos();
        session.userActive();
        if (pausedForUser) {
            checkConfirm();
            if (pausedForUser) {
                falseTimer.arm(interruption.falseInterruptionTimeout(), this::falseInterruption);
                return;
            }
            return;
        }
        scheduleEndpoint();
    }

    private void scheduleEndpoint() {
        Duration delay = endpointing.minDelay();
        if (endpointing.mode() == TurnHandling.EndpointingMode.DYNAMIC) {
            long clamped = Math.clamp(pauseEmaNanos, endpointing.minDelay().toNanos(),
                    endpointing.maxDelay().toNanos());
            delay = Duration.ofNanos(clamped);
        }
        endpointTimer.arm(delay, this::endpointReached);
    }

    private void endpointReached() {
        if (userSpeaking) {
            return;
        }
        Duration rest = endpointing.maxDelay().minus(endpointing.minDelay());
        if (input.hearsWords() && !finalSinceSpeechEnd && !waitingForFinal) {
            waitingForFinal = true;
            endpointTimer.arm(rest.isZero() ? Duration.ofMillis(1) : rest, this::commit);
            return;
        }
        if (!extended && !session.options().turnDetector().likelyEndOfTurn(session.history(), turnText.toString())) {
            extended = true;
            endpointTimer.arm(rest, this::commit);
            return;
        }
        commit();
    }

    void transcript(Transcript t) {
        if (!t.isFinal()) {
            interim = t.text();
            session.userTranscript((turnText + " " + interim).strip(), false);
            if (pausedForUser) {
                checkConfirm();
            }
            return;
        }
        if (!t.text().isBlank()) {
            turnText.append(turnText.isEmpty() ? "" : " ").append(t.text().strip());
        }
        interim = "";
        clock.sttFinal = session.now();
        finalSinceSpeechEnd = true;
        session.userTranscript(turnText.toString(), true);
        if (pausedForUser) {
            checkConfirm();
            if (pausedForUser && !userSpeaking && Backchannels.is(turnText.toString())) {
                falseInterruption();
            }
            return;
        }
        if (waitingForFinal) {
            commit();
        } else if (endpointTimer.armed() && !userSpeaking && session.options().turnHandling().preemptiveGeneration()) {
            session.preempt(turnText.toString(), clock);
        }
    }

    void sttEndOfUtterance() {
        if (!userSpeaking && !pausedForUser && finalSinceSpeechEnd) {
            commit();
        }
    }

    /** The STT failed for good during this turn: its final will not come, so stop waiting for it. */
    void sttLost() {
        if (waitingForFinal) {
            commit();
        } else if (pausedForUser) {
            checkConfirm();
        }
    }

    /** A new STT stream re-transcribes the whole turn: forget the words the failed stream sent. */
    void transcriptRestarted() {
        turnText.setLength(0);
        interim = "";
    }

    /**
     * The agent's pause for the user's voice is over: the interruption was confirmed, or typed text interrupts
     * the agent (the spoken turn goes on).
     */
    void endPause() {
        pausedForUser = false;
        confirmTimer.cancel();
        falseTimer.cancel();
    }

    private void falseInterruption() {
        if (!pausedForUser || userSpeaking) {
            return;
        }
        pausedForUser = false;
        resetTurn();
        input.dropTurnAudio();
        if (interruption.resumeFalseInterruption()) {
            session.speaker().resume();
            session.setState(AgentState.SPEAKING);
            session.falseInterruption(true);
        } else {
            session.speaker().interruptAll();
            session.falseInterruption(false);
        }
    }

    private void commit() {
        endpointTimer.cancel();
        waitingForFinal = false;
        extended = false;
        String text = turnText.toString().strip();
        boolean lost = input.turnLost();
        short[] audio = input.takeTurnAudio();
        long now = session.now();
        clock.committed = now;
        Duration spoken = Duration.ofNanos(Math.max(0, lastSpeechEnd - turnStart));
        TurnClock done = clock;
        resetTurn();
        boolean atEdge = now - session.lastAgentSpeechEnd() < interruption.backchannelBoundary().toNanos();
        if (!text.isEmpty() && atEdge && Backchannels.is(text)) {
            session.cancelPreemptive();
            return;
        }
        if (lost) {
            session.cancelPreemptive();
            session.sttLostTurn(done);
            return;
        }
        if (input.hasStt() && text.isEmpty()) {
            session.cancelPreemptive();
            return;
        }
        session.userTurn(text, audio, spoken, done);
    }

    private void resetTurn() {
        turnText.setLength(0);
        interim = "";
        turnStart = 0;
        clock = new TurnClock();
        confirmTimer.cancel();
        falseTimer.cancel();
    }

    void close() {
        endpointTimer.cancel();
        confirmTimer.cancel();
        falseTimer.cancel();
    }
}
