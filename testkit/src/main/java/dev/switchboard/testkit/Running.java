package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;

/** A specialist started for one TCK check; closing stops it. Not thread-safe. */
final class Running implements AutoCloseable {

    private final Specialist specialist;
    private final SpecialistContext context;
    private final EffectProbe probe;
    private final List<OperationDescriptor> operations;

    private Running(Specialist specialist, SpecialistContext context, EffectProbe probe) {
        this.specialist = specialist;
        this.context = context;
        this.probe = probe;
        this.operations = specialist.operations();
    }

    static Running start(SpecialistContract contract) {
        Specialist specialist = contract.newSpecialist();
        SpecialistContext context = contract.newContext(specialist.name());
        specialist.start(context);
        return new Running(specialist, context, contract.probe());
    }

    SpecialistContext context() {
        return context;
    }

    OperationDescriptor descriptor(String operation) {
        return operations.stream().filter(d -> d.name().equals(operation)).findFirst()
                .orElseGet(() -> fail("operation %s is not declared by specialist %s", operation, specialist.name()));
    }

    OperationResult execute(OperationRequest request) {
        try {
            return specialist.execute(context, request);
        } catch (RuntimeException e) {
            throw new AssertionError("execute(" + request.operation() + ") threw " + e
                    + "; expected failures must be returned as OperationResult.Failure", e);
        }
    }

    OperationResult.Success succeed(OperationRequest request) {
        OperationResult result = execute(request);
        assertThat(result).as("result of %s %s", request.operation(), request.params())
                .isInstanceOf(OperationResult.Success.class);
        return (OperationResult.Success) result;
    }

    boolean present(OperationRequest request, OperationResult.Success success) {
        return probe.present(specialist, context, request, success);
    }

    @Override
    public void close() {
        specialist.stop();
    }
}
