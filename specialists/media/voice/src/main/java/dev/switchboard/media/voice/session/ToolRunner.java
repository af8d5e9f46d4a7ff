package dev.switchboard.media.voice.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ToolCall;
import dev.switchboard.media.voice.tools.RunContext;
import dev.switchboard.media.voice.tools.Tool;
import dev.switchboard.media.voice.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Runs one round of tool calls in parallel on virtual threads, each within its tool's timeout; unknown
 * tools, invalid JSON arguments, exceptions and timeouts become error results the model reads. A
 * handoff the session refuses (loop) becomes an error result too. Thread-safe.
 */
final class ToolRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AgentSessionImpl session;

    ToolRunner(AgentSessionImpl session) {
        this.session = session;
    }

    /** Runs {@code calls}; {@code done} gets the results (in call order) and the accepted handoff, on the lane. */
    void run(Agent agent, List<ToolCall> calls, BiConsumer<List<ChatMessage.ToolResult>, Optional<Agent>> done) {
        List<CompletableFuture<ToolOutcome>> futures = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (ToolCall call : calls) {
            starts.add(System.nanoTime());
            futures.add(start(agent, call));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenComplete((v, e) ->
                session.lane().execute(() -> {
                    List<ChatMessage.ToolResult> results = new ArrayList<>();
                    Optional<Agent> handoff = Optional.empty();
                    for (int i = 0; i < calls.size(); i++) {
                        ToolCall call = calls.get(i);
                        ToolOutcome outcome = futures.get(i).join();
                        if (outcome instanceof ToolOutcome.Handoff h) {
                            Optional<String> refusal = handoff.isPresent()
                                    ? Optional.of("only one handoff per step") : session.handoffRefusal(h.agent());
                            if (refusal.isPresent()) {
                                outcome = ToolOutcome.error(refusal.get());
                            } else {
                                handoff = Optional.of(h.agent());
                            }
                        }
                        String content = switch (outcome) {
                            case ToolOutcome.Reply r -> r.content();
                            case ToolOutcome.Handoff h -> h.message();
                        };
                        boolean error = outcome instanceof ToolOutcome.Reply r && r.error();
                        long millis = (System.nanoTime() - starts.get(i)) / 1_000_000;
                        session.toolCalled(new SessionReport.ToolCallRecord(agent.name(), call.name(),
                                call.arguments(), content, error, millis));
                        results.add(new ChatMessage.ToolResult(call.id(), call.name(), content));
                    }
                    done.accept(results, handoff);
                }));
    }

    private CompletableFuture<ToolOutcome> start(Agent agent, ToolCall call) {
        Optional<Tool> tool = agent.tools().stream().filter(t -> t.spec().name().equals(call.name())).findFirst();
        if (tool.isEmpty()) {
            return CompletableFuture.completedFuture(ToolOutcome.error("no tool named '" + call.name() + "'"));
        }
        JsonNode args;
        try {
            args = call.arguments().isBlank() ? JSON.createObjectNode() : JSON.readTree(call.arguments());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.completedFuture(ToolOutcome.error("arguments are not valid JSON: "
                    + e.getOriginalMessage()));
        }
        if (!args.isObject()) {
            return CompletableFuture.completedFuture(ToolOutcome.error("arguments must be a JSON object"));
        }
        RunContext context = new RunContext(session, session.room(), call.id());
        Tool t = tool.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return t.invoke(args, context);
            } catch (Exception e) {
                return ToolOutcome.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }, SessionThreads.IO).orTimeout(t.timeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally(e ->
                e instanceof TimeoutException || e.getCause() instanceof TimeoutException
                        ? ToolOutcome.error("timed out after " + t.timeout().toMillis() + " ms")
                        : ToolOutcome.error(String.valueOf(e.getMessage())));
    }
}
