package dev.switchboard.specialist.common;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SpecialistContext;
import java.util.function.Supplier;

/**
 * The frame every LiveKit specialist runs an operation in: refuse when not started or when the
 * request's deadline has passed (nothing is sent to LiveKit then), and turn LiveKit call failures and
 * bad parameters into failed results instead of exceptions. Stateless.
 */
public final class Guarded {

    private Guarded() {
    }

    /**
     * Runs {@code body} for {@code request} unless the specialist is not started or the deadline passed.
     *
     * @param specialist the specialist's name, for the message
     * @param started whether the specialist's {@code start} has run
     */
    public static OperationResult run(String specialist, boolean started, SpecialistContext context,
            OperationRequest request, Supplier<OperationResult> body) {
        if (!started) {
            return OperationResult.failure(FailureCode.UNAVAILABLE, "the " + specialist + " specialist is not started");
        }
        if (request.deadline().filter(d -> !d.isAfter(context.time().now())).isPresent()) {
            return OperationResult.failure(FailureCode.DEADLINE_EXCEEDED,
                    request.operation() + " was not started: its deadline had passed");
        }
        try {
            return body.get();
        } catch (LiveKitCallException e) {
            return e.toFailure();
        } catch (InvalidParamException e) {
            return e.toFailure();
        }
    }
}
