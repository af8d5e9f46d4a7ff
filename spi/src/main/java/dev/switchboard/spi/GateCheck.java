package dev.switchboard.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a gate sees: the request, the operation it targets, the time, and (for post-conditions) the
 * specialist's verify hook. Immutable.
 *
 * @param request the request as routed (operation already resolved to the specialist's name)
 * @param operation the target operation's descriptor
 * @param time the coordinator's time source
 * @param verifier runs the specialist's {@link Specialist#verify}; only meaningful in {@link QualityGate#after}
 */
@Stable(since = "0.1")
public record GateCheck(
        OperationRequest request,
        OperationDescriptor operation,
        TimeSource time,
        Supplier<List<Violation>> verifier) {

    /** Validates that every part is present. */
    public GateCheck {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(verifier, "verifier");
    }
}
