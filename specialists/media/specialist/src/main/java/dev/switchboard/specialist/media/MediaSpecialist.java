package dev.switchboard.specialist.media;

import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.specialist.common.Guarded;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Runs media in LiveKit rooms from inside Switchboard: agent workers ({@code media.worker.*}) and the
 * data bridge ({@code data.subscribe}, {@code data.unsubscribe}, {@code data.publish}). The operations
 * live in handler classes, grouped by {@link MediaOperationSets}; this class only starts, routes and
 * stops them. The agents it runs: {@code echo}, {@code assistant}, those of the agent files and, when
 * created with {@link #withAgents}, the application's Java agents.
 *
 * <p>Thread-safe after {@link #start}: handlers are called concurrently.
 */
@Extension
public final class MediaSpecialist implements Specialist {

    private final Map<String, Agent> javaAgents;
    private volatile Running running;

    /** Created by PF4J or {@link java.util.ServiceLoader}: the built-in agents and the agent files. */
    public MediaSpecialist() {
        this(Map.of());
    }

    private MediaSpecialist(Map<String, Agent> javaAgents) {
        this.javaAgents = javaAgents;
    }

    /**
     * For an application that embeds Switchboard with the media specialist on its classpath: a specialist
     * that also runs these agents, written in Java (tools as annotated methods, handoffs returning other
     * agents), by their names through {@code media.agent.start} and worker jobs, with the mode's
     * providers for what an agent does not bring itself. Register it with
     * {@code SwitchboardBuilder.specialist(..)}; it then replaces the one found on the classpath.
     *
     * @throws IllegalArgumentException when two agents share a name or one is named {@code echo}
     */
    public static MediaSpecialist withAgents(Agent... agents) {
        Map<String, Agent> byName = new LinkedHashMap<>();
        for (Agent agent : agents) {
            if (agent.name().equals(AgentLibrary.ECHO)) {
                throw new IllegalArgumentException("'echo' is the built-in echo agent; choose another name");
            }
            if (byName.putIfAbsent(agent.name(), agent) != null) {
                throw new IllegalArgumentException("two agents are named '" + agent.name() + "'");
            }
        }
        return new MediaSpecialist(Collections.unmodifiableMap(byName));
    }

    private record Running(MediaRuntime runtime, List<OperationHandler> handlers,
            Map<String, OperationHandler> byOperation) {
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return MediaOperationSets.descriptors();
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (running != null) {
            return;
        }
        MediaRuntime runtime = new MediaRuntime(context, LiveKitSettings.from(context), javaAgents);
        Map<String, OperationHandler> byOperation = new HashMap<>();
        List<OperationHandler> handlers = MediaOperationSets.ALL.stream().map(set -> {
            OperationHandler handler = set.handler().apply(runtime);
            set.operations().forEach(op -> byOperation.put(op.name(), handler));
            return handler;
        }).toList();
        running = new Running(runtime, handlers, Map.copyOf(byOperation));
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        Running r = running;
        return Guarded.run(name(), r != null, context, request, () -> {
            OperationHandler handler = r.byOperation().get(request.operation());
            return handler == null
                    ? OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                            "the media specialist has no operation '" + request.operation() + "'")
                    : handler.execute(request);
        });
    }

    @Override
    public synchronized void stop() {
        Running r = running;
        running = null;
        if (r != null) {
            r.handlers().forEach(OperationHandler::close);
            r.runtime().close();
        }
    }
}
