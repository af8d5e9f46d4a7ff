package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.ToolCall;
import dev.switchboard.media.voice.text.SentenceChunker;
import java.util.ArrayList;
import java.util.List;

/**
 * One LLM reply: streams the completion through the {@link SentenceChunker} to the TTS, runs the tool calls (up to the
 * turn handling's {@code maxToolSteps} rounds, then one last round without tools so the model must
 * answer), and speaks the session's fallback line if the model fails before saying anything. May run
 * "held" (preemptive generation): clauses wait until the speech is released. Not thread-safe (the
 * lane owns it; provider callbacks are posted to the lane).
 */
final class Generation {

    private static final System.Logger LOG = System.getLogger(Generation.class.getName());
    private final AgentSessionImpl session;
    private final Agent agent;
    private final LanguageModel llm;
    private final TurnClock clock;
    private final String extraInstructions;
    private final String userText;
    private final SentenceChunker clauses = SentenceChunker.create();
    private final List<String> held = new ArrayList<>();
    private final List<ToolCall> calls = new ArrayList<>();
    private final StringBuilder stepText = new StringBuilder();
    private Speech speech;
    private LlmCall call;
    private int steps;
    private boolean llmDone;
    private boolean spokeAnything;
    private boolean done;
    private boolean cancelled;

    Generation(AgentSessionImpl session, Agent agent, LanguageModel llm, TurnClock clock, String extraInstructions,
               String userText) {
        this.session = session;
        this.agent = agent;
        this.llm = llm;
        this.clock = clock;
        this.extraInstructions = extraInstructions;
        this.userText = userText;
    }

    /** The user text this generation answers (preemptive generations are reused only for the same text). */
    String userText() {
        return userText;
    }

    boolean done() {
        return done;
    }

    /** Starts before the user's turn is committed: the request carries the user's text, not yet in the history. */
    void startPreemptive() {
        request(java.util.Optional.of(userText));
    }

    void start() {
        request(java.util.Optional.empty());
    }

    private void request(java.util.Optional<String> pendingUser) {
        boolean toolsAllowed = steps < session.options().turnHandling().maxToolSteps();
        if (clock.llmRequest == 0) {
            clock.llmRequest = session.now();
        }
        Lane lane = session.lane();
        call = llm.chat(session.chatRequest(agent, extraInstructions, toolsAllowed, pendingUser), new LlmListener() {
            @Override
            public void onTextDelta(String delta) {
                lane.execute(() -> delta(delta));
            }

            @Override
            public void onToolCall(ToolCall toolCall) {
                lane.execute(() -> {
                    if (!cancelled) {
                        calls.add(toolCall);
                    }
                });
            }

            @Override
            public void onComplete(LlmUsage usage) {
                lane.execute(Generation.this::complete);
            }

            @Override
            public void onError(ProviderException error) {
                lane.execute(() -> failed(error));
            }

            @Override
            public void onFailover(Failover failover) {
                session.failedOver("llm", failover);
            }
        });
    }

    private void delta(String delta) {
        if (cancelled) {
            return;
        }
        if (clock.llmFirstToken == 0) {
            clock.llmFirstToken = session.now();
        }
        stepText.append(delta);
        clauses.push(delta).forEach(this::emit);
    }

    private void emit(String piece) {
        if (clock.llmFirstPiece == 0) {
            clock.llmFirstPiece = session.now();
        }
        spokeAnything = true;
        if (speech == null) {
            held.add(piece);
        } else {
            session.speaker().pushText(speech, piece);
        }
    }

    private void complete() {
        if (cancelled) {
            return;
        }
        clauses.flush().forEach(this::emit);
        llmDone = true;
        if (speech != null) {
            afterLlm();
        }
    }

    private void afterLlm() {
        if (!calls.isEmpty()) {
            List<ToolCall> now = List.copyOf(calls);
            calls.clear();
            String spoken = speech.text.substring(speech.recordedChars).strip();
            speech.recordedChars = speech.text.length();
            session.addHistory(new ChatMessage.Assistant(spoken, now));
            stepText.setLength(0);
            llmDone = false;
            steps++;
            session.tools().run(agent, now, this::toolsFinished);
            return;
        }
        finish();
    }

    private void toolsFinished(List<ChatMessage.ToolResult> results, java.util.Optional<Agent> handoff) {
        if (cancelled) {
            return;
        }
        results.forEach(session::addHistory);
        if (handoff.isPresent()) {
            finish();
            session.handoff(handoff.get(), true);
            return;
        }
        start();
    }

    private void failed(ProviderException error) {
        if (cancelled) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "LLM failed: " + error.getMessage());
        clauses.flush().forEach(this::emit);
        if (!spokeAnything) {
            session.providerExhausted("llm", error);
            emit(session.options().fallbackLine());
        }
        llmDone = true;
        calls.clear();
        if (speech != null) {
            finish();
        }
    }

    private void finish() {
        done = true;
        if (speech != null) {
            session.speaker().endText(speech);
        }
    }

    /** The speech this generation speaks into has started: push what was held, continue live. */
    void release(Speech s) {
        speech = s;
        for (String piece : held) {
            session.speaker().pushText(s, piece);
        }
        held.clear();
        if (llmDone && !done) {
            afterLlm();
        } else if (done) {
            session.speaker().endText(s);
        }
    }

    void cancel() {
        cancelled = true;
        done = true;
        if (call != null) {
            call.cancel();
        }
    }
}
