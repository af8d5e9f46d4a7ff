package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.agent.AgentContext;
import dev.switchboard.media.voice.agent.ChatContextMode;
import dev.switchboard.media.voice.agent.Reply;
import dev.switchboard.media.voice.agent.UserTurn;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.tools.Tool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The session hub: owns the state machine, the history, the active agent and the parts
 * ({@link UserInput}, {@link TurnTaking}, {@link Speaker}, {@link ToolRunner}, {@link Recorder},
 * {@link RoomOutput}); all of its logic runs on its {@link Lane}. Public methods post to the lane.
 * Thread-safe.
 */
final class AgentSessionImpl implements AgentSession {

    private static final int MAX_HANDOFFS_PER_TURN = 3;
    private final String id = "AS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final RoomSession room;
    private final SessionOptions options;
    private static final System.Logger LOG = System.getLogger(AgentSessionImpl.class.getName());
    private final Lane lane = new Lane(SessionThreads.DSP);
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ChatMessage> history = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Set<String> handoffsThisTurn = new LinkedHashSet<>();
    private final LocalAudioTrack track;
    private final AudioOutput output;
    private final Speaker speaker;
    private final TurnTaking turns;
    private final UserInput input;
    private final ToolRunner tools = new ToolRunner(this);
    private final Recorder recorder;
    private final RoomOutput roomOutput;
    private final RoomLink link;
    private final Timers awayTimer;
    private final TranscriptSync transcriptSync;
    private volatile Agent agent;
    private volatile AgentState state = AgentState.INITIALIZING;
    private Optional<Generation> preemptive = Optional.empty();
    private long lastAgentSpeechEnd;
    private int turnNumber;
    private int userSegment;

    private AgentSessionImpl(RoomSession room, Agent agent, SessionOptions options) {
        this.room = room;
        this.agent = agent;
        this.options = options;
        this.recorder = new Recorder(id, room.roomName(), Instant.now(), options.meters());
        this.roomOutput = new RoomOutput(room);
        this.awayTimer = new Timers(lane);
        this.track = room.publishAudio("agent-voice");
        this.output = new AudioOutput(track, options.time(), new AudioOutput.Events() {
            @Override
            public void playbackStarted(long speechId, long atNanos) {
                speaker().playbackStarted(speechId, atNanos);
            }

            @Override
            public void playbackDrained(long speechId) {
                speaker().playbackDrained(speechId);
            }
        });
        this.speaker = new Speaker(this, output);
        this.transcriptSync = new TranscriptSync(lane, output, (speech, text) -> agentTranscript(speech, text, false));
        this.turns = new TurnTaking(this);
        this.input = new UserInput(this, turns);
        turns.attach(input);
        this.link = new RoomLink(this, options.participantIdentity());
    }

    static AgentSessionImpl start(RoomSession room, Agent agent, SessionOptions options) {
        AgentSessionImpl session = new AgentSessionImpl(room, agent, options);
        session.recorder.state(AgentState.INITIALIZING);
        session.roomOutput.state(AgentState.INITIALIZING);
        OutputPump.add(session.output);
        room.addListener(session.link);
        session.lane.execute(() -> {
            session.setState(AgentState.LISTENING);
            agent.onEnter(new AgentContext(session, ""));
        });
        return session;
    }

    // ---- accessors used by the parts (lane) ----

    SessionOptions options() {
        return options;
    }

    Lane lane() {
        return lane;
    }

    long now() {
        return options.time().nanos();
    }

    Speaker speaker() {
        return speaker;
    }

    ToolRunner tools() {
        return tools;
    }

    RoomSession room() {
        return room;
    }

    UserInput input() {
        return input;
    }

    long lastAgentSpeechEnd() {
        return lastAgentSpeechEnd;
    }

    Optional<TextToSpeech> ttsFor(Agent a) {
        return a.tts().or(options::tts);
    }

    private Optional<LanguageModel> llmFor(Agent a) {
        return a.llm().or(options::llm);
    }

    ChatRequest chatRequest(Agent a, String extraInstructions, boolean toolsAllowed, Optional<String> pendingUser) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = (a.instructions() + (extraInstructions.isBlank() ? "" : "\n\n" + extraInstructions)).strip();
        if (!system.isEmpty()) {
            messages.add(new ChatMessage.System(system));
        }
        messages.addAll(history);
        pendingUser.ifPresent(text -> messages.add(new ChatMessage.User(text)));
        return ChatRequest.of(messages, toolsAllowed ? a.tools().stream().map(Tool::spec).toList() : List.of());
    }

    void addHistory(ChatMessage message) {
        history.add(message);
        listeners.forEach(l -> l.onHistoryAdded(message));
    }

    void setState(AgentState next) {
        AgentState from = state;
        if (from == next || from == AgentState.CLOSED) {
            return;
        }
        state = next;
        recorder.state(next);
        roomOutput.state(next);
        listeners.forEach(l -> l.onStateChanged(from, next));
        if (next == AgentState.LISTENING) {
            awayTimer.arm(options.turnHandling().userAwayTimeout(), () -> {
                if (state == AgentState.LISTENING && !turns.userSpeaking() && !speaker.busy()) {
                    setState(AgentState.AWAY);
                }
            });
        } else {
            awayTimer.cancel();
        }
    }

    // ---- events from the parts (lane) ----

    void frame(dev.switchboard.media.rtc.AudioFrame frame) {
        if (!closed.get()) {
            input.frame(frame);
        }
    }

    void userActive() {
        if (state == AgentState.AWAY) {
            setState(AgentState.LISTENING);
        } else if (state == AgentState.LISTENING) {
            setState(AgentState.LISTENING);
            awayTimer.cancel();
        }
    }

    void userTranscript(String text, boolean isFinal) {
        roomOutput.transcription("SG_user_" + userSegment, link.userTrackSid(), text, isFinal);
        listeners.forEach(l -> l.onUserTranscript(text, isFinal));
    }

    void userTurn(String text, short[] audio, Duration spoken, TurnClock clock) {
        userSegment++;
        handoffsThisTurn.clear();
        turnNumber++;
        if (!text.isEmpty()) {
            addHistory(new ChatMessage.User(text));
            recorder.entry(new SessionReport.Entry("user", agent.name(), text, false, Instant.now()));
        }
        Reply reply = agent.onUserTurn(new UserTurn(text, audio, spoken));
        switch (reply) {
            case Reply.Generate g -> generate("", clock, text);
            case Reply.Say s -> speaker.say(s.text(), true, clock);
            case Reply.Play p -> speaker.play(p.pcm(), p.sampleRate(), p.text(), clock);
            case Reply.Silence s -> cancelPreemptive();
        }
        if (speaker.busy()) {
            setState(AgentState.THINKING);
        }
    }

    /**
     * The user typed {@code text} on {@code lk.chat} (lane): as in LiveKit Agents it interrupts the agent's
     * interruptible speech and is a turn of its own, answered as a spoken one would be.
     */
    void userText(String text) {
        if (closed.get()) {
            return;
        }
        cancelPreemptive();
        if (speaker.current().map(s -> s.interruptible).orElse(true)) {
            turns.endPause();
            speaker.interruptAll();
        }
        userActive();
        userTurn(text, new short[0], Duration.ZERO, new TurnClock());
    }

    private void generate(String extra, TurnClock clock, String userText) {
        Optional<LanguageModel> llm = llmFor(agent);
        if (llm.isEmpty()) {
            cancelPreemptive();
            speaker.say(options.fallbackLine(), true, clock);
            return;
        }
        Generation g;
        if (preemptive.isPresent() && preemptive.get().userText().equals(userText) && extra.isEmpty()) {
            g = preemptive.get();
            preemptive = Optional.empty();
        } else {
            cancelPreemptive();
            g = new Generation(this, agent, llm.get(), clock, extra, userText);
            g.start();
        }
        speaker.generate(g, clock);
    }

    void preempt(String userText, TurnClock clock) {
        Optional<LanguageModel> llm = llmFor(agent);
        if (llm.isEmpty() || speaker.busy() || userText.isBlank()) {
            return;
        }
        cancelPreemptive();
        Generation g = new Generation(this, agent, llm.get(), clock, "", userText);
        g.startPreemptive();
        preemptive = Optional.of(g);
    }

    void cancelPreemptive() {
        preemptive.ifPresent(Generation::cancel);
        preemptive = Optional.empty();
    }

    void speakerIdle() {
        setState(AgentState.LISTENING);
    }

    void speechStarting(Speech speech) {
        if (state != AgentState.SPEAKING) {
            setState(AgentState.THINKING);
        }
    }

    void speechAudible(Speech speech, long atNanos) {
        setState(AgentState.SPEAKING);
        if (options.syncTranscription()) {
            transcriptSync.start(speech);
        } else {
            agentTranscript(speech, speech.text.toString().strip(), false);
        }
        if (speech.clock.userStopped > 0 && speech.clock.committed > 0) {
            TurnMetrics m = speech.clock.metrics(turnNumber, speech.agent, atNanos);
            recorder.turn(m);
            listeners.forEach(l -> l.onTurnMetrics(m));
            speech.clock.committed = 0;
        }
    }

    private void agentTranscript(Speech speech, String text, boolean isFinal) {
        roomOutput.transcription("SG_agent_" + speech.id, track.trackSid(), text, isFinal);
    }

    void speechEnded(Speech speech, String heard, boolean interrupted) {
        lastAgentSpeechEnd = now();
        transcriptSync.stop(speech);
        agentTranscript(speech, heard, true);
        recorder.entry(new SessionReport.Entry("agent", speech.agent, heard, interrupted, Instant.now()));
        if (interrupted) {
            listeners.forEach(l -> l.onInterrupted(heard));
        }
    }

    void falseInterruption(boolean resumed) {
        listeners.forEach(l -> l.onFalseInterruption(resumed));
    }

    /** A provider chain of kind {@code stt}, {@code llm} or {@code tts} moved on (any thread). */
    void failedOver(String kind, Failover failover) {
        LOG.log(System.Logger.Level.WARNING, kind + " chain " + failover.chain() + ": " + failover.from() + " -> "
                + failover.to() + " (" + failover.reason() + ")");
        recorder.failover(kind, failover);
    }

    /**
     * Every provider of a {@code kind} chain failed (lane), recorded in the report and counted: for STT the
     * next speech start re-opens the stream; for an LLM that said nothing the fallback line is spoken; for a
     * TTS that gave no audio the reply is silent.
     */
    void providerExhausted(String kind, dev.switchboard.media.voice.spi.ProviderException error) {
        recorder.providerFailure(kind, error);
        if (kind.equals("llm")) {
            recorder.fallbackLine(kind);
        }
    }

    /** The user's turn was lost to an STT failure (lane): say the fallback line rather than leave dead air. */
    void sttLostTurn(TurnClock clock) {
        recorder.fallbackLine("stt");
        speaker.say(options.fallbackLine(), true, clock);
        if (speaker.busy()) {
            setState(AgentState.THINKING);
        }
    }

    void toolCalled(SessionReport.ToolCallRecord call) {
        recorder.toolCall(call);
        listeners.forEach(l -> l.onToolCall(call));
    }

    Optional<String> handoffRefusal(Agent target) {
        if (target.name().equals(agent.name())) {
            return Optional.of("'" + target.name() + "' is already the active agent");
        }
        if (handoffsThisTurn.size() >= MAX_HANDOFFS_PER_TURN || handoffsThisTurn.contains(target.name())) {
            return Optional.of("handoff loop detected (" + String.join(" -> ", handoffsThisTurn) + " -> "
                    + target.name() + "); answer the user yourself");
        }
        return Optional.empty();
    }

    void handoff(Agent target, boolean fromTool) {
        Agent from = agent;
        handoffsThisTurn.add(from.name());
        handoffsThisTurn.add(target.name());
        agent = target;
        if (target.chatContext() == ChatContextMode.RESET) {
            Optional<ChatMessage> lastUser = history.reversed().stream()
                    .filter(m -> m instanceof ChatMessage.User).findFirst();
            history.clear();
            lastUser.ifPresent(history::add);
        }
        input.agentChanged(target);
        recorder.handoff(new SessionReport.HandoffRecord(from.name(), target.name(), Instant.now()));
        listeners.forEach(l -> l.onHandoff(from.name(), target.name()));
        target.onEnter(new AgentContext(this, from.name()));
    }

    // ---- public API ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public AgentState state() {
        return state;
    }

    @Override
    public Agent agent() {
        return agent;
    }

    @Override
    public Object userData() {
        return options.userData();
    }

    @Override
    public void say(String text) {
        say(text, true);
    }

    @Override
    public void say(String text, boolean allowInterruptions) {
        java.util.Objects.requireNonNull(text, "text");
        lane.execute(() -> speaker.say(text, allowInterruptions, new TurnClock()));
    }

    @Override
    public void generateReply(String instructions) {
        java.util.Objects.requireNonNull(instructions, "instructions");
        lane.execute(() -> generate(instructions, new TurnClock(), ""));
    }

    @Override
    public void interrupt() {
        lane.execute(speaker::interruptAll);
    }

    @Override
    public void handoff(Agent target) {
        java.util.Objects.requireNonNull(target, "agent");
        lane.execute(() -> handoff(target, false));
    }

    @Override
    public List<ChatMessage> history() {
        return List.copyOf(history);
    }

    @Override
    public SessionReport report() {
        return recorder.report(Instant.now());
    }

    @Override
    public dev.switchboard.media.rtc.PacerStats audioStats() {
        return track.stats();
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        room.removeListener(link);
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(() -> {
            try {
                cancelPreemptive();
                turns.close();
                awayTimer.cancel();
                transcriptSync.close();
                speaker.close();
                input.close();
                setState(AgentState.CLOSED);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OutputPump.remove(output);
        try {
            track.unpublish();
        } catch (RuntimeException e) {
            System.getLogger(AgentSessionImpl.class.getName()).log(System.Logger.Level.DEBUG,
                    "unpublish failed: " + e.getMessage());
        }
        try {
            options.reportDirectory().ifPresent(dir -> recorder.write(dir, Instant.now()));
        } finally {
            closedLatch.countDown();
        }
    }

    @Override
    public void awaitClosed() {
        try {
            closedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
