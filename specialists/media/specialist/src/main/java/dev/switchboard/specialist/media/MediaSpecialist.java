package dev.switchboard.specialist.media;

import dev.switchboard.specialist.common.Guarded;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Runs media in LiveKit rooms from inside Switchboard: agent workers ({@code media.worker.*}) and the
 * data bridge ({@code data.subscribe}, {@code data.unsubscribe}, {@code data.publish}). The operations
 * live in handler classes, grouped by {@link MediaOperationSets}; this class only starts, routes and
 * stops them.
 *
 * <p>Thread-safe after {@link #start}: handlers are called concurrently.
 */
@Extension
public final class MediaSpecialist implements Specialist {

    private volatile Running running;

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public MediaSpecialist() {
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
        MediaRuntime runtime = new MediaRuntime(context, LiveKitSettings.from(context));
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
