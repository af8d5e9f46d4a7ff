package dev.switchboard.testkit;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;

/**
 * Tells the TCK whether the effect of a successful operation is present right now (the room
 * exists, the row is there). The compensation check asks it after the operation (expects true) and
 * after the compensation (expects false). Implementations must not change what they look at.
 */
@FunctionalInterface
public interface EffectProbe {

    /** Whether {@code result}'s effect is present now. */
    boolean present(Specialist specialist, SpecialistContext context, OperationRequest request,
            OperationResult.Success result);

    /** The default probe: the effect is present when the specialist's {@code verify} finds no violation. */
    static EffectProbe byVerify() {
        return (specialist, context, request, result) -> specialist.verify(context, request, result).isEmpty();
    }
}
