package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code media.agent.start|stop|list}, {@code media.say}, {@code media.interrupt}: voice agent
 * sessions the specialist runs in rooms, by session id. Thread-safe.
 */
final class AgentOperations implements OperationHandler {

    static final OperationDescriptor START = OperationDescriptor.builder("media.agent.start")
            .description("Joins a room as a voice agent and returns the session id. agent: \"echo\" (default;"
                    + " repeats each utterance, greets with espeak-ng, needs no API keys), \"assistant\" (STT, LLM"
                    + " and TTS from the provider keys set) or an agent defined in the agent TOML files. listen_to: the"
                    + " participant heard (default: the first person, never another agent); text_input (default"
                    + " true): typed chat on lk.chat is a turn; sync_transcription (default true): the agent's"
                    + " words are revealed on lk.transcription as they are played.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"required":["room"],"properties":{
                 "room":{"type":"string","minLength":1},
                 "agent":{"type":"string","minLength":1,"maxLength":52},
                 "greeting":{"type":"string"},
                 "listen_to":{"type":"string","minLength":1},
                 "text_input":{"type":"boolean"},
                 "sync_transcription":{"type":"boolean"}}}""")
            .outputSchema("""
                {"type":"object","required":["session_id","room","agent","identity","providers"],"properties":{
                 "session_id":{"type":"string"},"room":{"type":"string"},"agent":{"type":"string"},
                 "identity":{"type":"string"},"providers":{"type":"string"}}}""")
            .build();

    static final OperationDescriptor STOP = OperationDescriptor.builder("media.agent.stop")
            .description("Stops a voice agent session, leaves its room and returns its report.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"required":["session_id"],"properties":{
                 "session_id":{"type":"string","minLength":1}}}""")
            .outputSchema("""
                {"type":"object","required":["stopped"],"properties":{"stopped":{"type":"boolean"},
                 "report":{"type":"object"}}}""")
            .idempotent(true)
            .build();

    static final OperationDescriptor LIST = OperationDescriptor.builder("media.agent.list")
            .description("The voice agent sessions running in this specialist, with their state.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{}}""")
            .outputSchema("""
                {"type":"object","required":["sessions"],"properties":{"sessions":{"type":"array"}}}""")
            .idempotent(true)
            .build();

    static final OperationDescriptor SAY = OperationDescriptor.builder("media.say")
            .description("Makes a running agent say a text (interruptible unless allow_interruptions is false).")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"required":["session_id","text"],"properties":{
                 "session_id":{"type":"string","minLength":1},"text":{"type":"string","minLength":1},
                 "allow_interruptions":{"type":"boolean"}}}""")
            .outputSchema("""
                {"type":"object","required":["queued"],"properties":{"queued":{"type":"boolean"}}}""")
            .build();

    static final OperationDescriptor INTERRUPT = OperationDescriptor.builder("media.interrupt")
            .description("Stops what a running agent is saying, at once.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"required":["session_id"],"properties":{
                 "session_id":{"type":"string","minLength":1}}}""")
            .outputSchema("""
                {"type":"object","required":["interrupted"],"properties":{"interrupted":{"type":"boolean"}}}""")
            .idempotent(true)
            .build();

    static final OperationSet SET = new OperationSet(List.of(START, STOP, LIST, SAY, INTERRUPT),
            AgentOperations::new);

    private final AgentRunner runner;
    private final AgentLibrary agents;
    private final System.Logger logger;
    private final Map<String, AgentRunner.Running> sessions = new ConcurrentHashMap<>();

    AgentOperations(MediaRuntime runtime) {
        this.runner = new AgentRunner(runtime);
        this.agents = runtime.agents();
        this.logger = runtime.context().logger();
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        ObjectNode p = request.params();
        return switch (request.operation()) {
            case "media.agent.start" -> start(p);
            case "media.agent.stop" -> stop(p);
            case "media.agent.list" -> list();
            case "media.say" -> find(p).<OperationResult>map(r -> {
                r.session().say(Params.string(p, "text"), Params.bool(p, "allow_interruptions", true));
                return OperationResult.success(Json.object().put("queued", true));
            }).orElseGet(() -> unknown(p));
            case "media.interrupt" -> find(p).<OperationResult>map(r -> {
                r.session().interrupt();
                return OperationResult.success(Json.object().put("interrupted", true));
            }).orElseGet(() -> unknown(p));
            default -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION, request.operation());
        };
    }

    private OperationResult start(ObjectNode p) {
        String room = Params.string(p, "room");
        String name = Params.optString(p, "agent").orElse(AgentLibrary.ECHO);
        ResolvedAgent agent;
        try {
            agent = agents.resolve(name, Params.optString(p, "greeting"));
        } catch (AgentStartException e) {
            return e.toFailure();
        }
        AgentRunner.Running r = runner.start(room, agent, new AgentRunner.RoomInput(Params.optString(p, "listen_to"),
                Params.bool(p, "text_input", true), Params.bool(p, "sync_transcription", true)));
        sessions.put(r.session().id(), r);
        logger.log(System.Logger.Level.INFO, "agent " + name + " (" + agent.providers() + ") joined room " + room
                + " as " + r.identity() + ", session " + r.session().id());
        return OperationResult.success(Json.object().put("session_id", r.session().id()).put("room", room)
                .put("agent", name).put("identity", r.identity()).put("providers", agent.providers()));
    }

    private OperationResult stop(ObjectNode p) {
        AgentRunner.Running r = sessions.remove(Params.string(p, "session_id"));
        if (r == null) {
            return OperationResult.success(Json.object().put("stopped", false));
        }
        r.close();
        ObjectNode out = Json.object().put("stopped", true);
        out.set("report", Json.object(r.session().report().toJson()));
        return OperationResult.success(out);
    }

    private OperationResult list() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("sessions");
        sessions.values().forEach(r -> list.addObject().put("session_id", r.session().id())
                .put("room", r.room()).put("agent", r.session().agent().name())
                .put("state", r.session().state().wire()));
        return OperationResult.success(out);
    }

    private Optional<AgentRunner.Running> find(ObjectNode p) {
        return Optional.ofNullable(sessions.get(Params.string(p, "session_id")));
    }

    private static OperationResult unknown(ObjectNode p) {
        return OperationResult.failure(FailureCode.NOT_FOUND, "no agent session '" + p.path("session_id").asText()
                + "' runs here");
    }

    @Override
    public void close() {
        sessions.values().forEach(AgentRunner.Running::close);
        sessions.clear();
    }
}
