package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The specialist TCK: every specialist's test extends this class and supplies a fresh specialist
 * and sample requests; JUnit then runs the checks below. A specialist is done when they all pass.
 *
 * <p>Each check creates its own specialist with {@link #createSpecialist()}, starts it with
 * {@link #createContext(String)}, runs the sample requests in order against that one instance, and
 * stops it. The checks are public so a test can also call one directly (each throws
 * {@link AssertionError} when the specialist breaks the contract).
 *
 * <p>About deadlines: the coordinator enforces deadlines too (it does not call a specialist whose
 * request has expired, and stops waiting when the deadline passes), but a specialist must check
 * {@code request.deadline()} against {@code context.time()} itself before it causes an effect and
 * while it waits, and answer {@code deadline_exceeded}. The TCK's contexts use {@link ManualTime},
 * so a specialist that reads the system clock instead fails {@link #honoursDeadlines()}.
 *
 * <p>Not thread-safe; JUnit creates one instance per test method.
 */
public abstract class SpecialistContract {

    /** A new specialist that has not been started. Called once per check. */
    protected abstract Specialist createSpecialist();

    /**
     * Requests that must succeed, run in order against one freshly started specialist (so a later
     * one may rely on an earlier one's effect). At least one.
     */
    protected abstract List<OperationRequest> sampleRequests();

    /** The context a check starts the specialist with; default a {@link TestSpecialistContext}. */
    protected SpecialistContext createContext(String specialistName) {
        return TestSpecialistContext.builder(specialistName).build();
    }

    /** How the compensation check sees an effect; default {@link EffectProbe#byVerify()}. */
    protected EffectProbe effectProbe() {
        return EffectProbe.byVerify();
    }

    /** Name, operation names, descriptions and schemas are valid. */
    @Test
    @DisplayName("declares valid operations and JSON Schemas")
    public void declaresValidOperations() {
        Specialist specialist = createSpecialist();
        assertThat(specialist.name()).as("specialist name").matches("[a-z][a-z0-9-]*");
        List<OperationDescriptor> ops = specialist.operations();
        assertThat(ops).as("operations() of %s", specialist.name()).isNotEmpty().doesNotContainNull();
        Set<String> names = new HashSet<>();
        for (OperationDescriptor op : ops) {
            assertThat(names.add(op.name())).as("operation %s is declared twice", op.name()).isTrue();
            assertThat(op.description()).as("description of %s", op.name()).isNotBlank();
            assertThat(SchemaCheck.problems(op.inputSchema())).as("input schema of %s (draft-07)", op.name())
                    .isEmpty();
            assertThat(op.inputSchema().path("type").asText()).as("input schema type of %s", op.name())
                    .isEqualTo("object");
            assertThat(SchemaCheck.problems(op.outputSchema())).as("output schema of %s (draft-07)", op.name())
                    .isEmpty();
        }
        for (OperationDescriptor op : ops) {
            if (op.compensation() instanceof Compensation.ByOperation by) {
                assertThat(names).as("compensation of %s must be one of the specialist's operations", op.name())
                        .contains(by.operation());
            }
        }
    }

    /** Every sample is valid for its schema, succeeds, and returns what its output schema says. */
    @Test
    @DisplayName("sample requests match their schemas and succeed")
    public void samplesSucceedAndMatchSchemas() {
        List<OperationRequest> samples = sampleRequests();
        assertThat(samples).as("sampleRequests()").isNotEmpty();
        try (Running running = Running.start(this)) {
            for (OperationRequest sample : samples) {
                OperationDescriptor op = running.descriptor(sample.operation());
                assertThat(SchemaCheck.mismatches(op.inputSchema(), sample.params()))
                        .as("sample params of %s against its input schema", op.name()).isEmpty();
                OperationResult.Success success = running.succeed(sample);
                assertThat(SchemaCheck.mismatches(op.outputSchema(), success.payload()))
                        .as("payload of %s against its output schema", op.name()).isEmpty();
                if (op.compensation() instanceof Compensation.ByOperation by) {
                    assertThat(SchemaCheck.mismatches(running.descriptor(by.operation()).inputSchema(),
                            success.compensation()))
                            .as("compensation params of %s against the input schema of %s", op.name(), by.operation())
                            .isEmpty();
                }
            }
        }
    }

    /** An operation the specialist does not declare gets a failure, not an exception. */
    @Test
    @DisplayName("rejects unknown operations with an unknown_operation failure")
    public void rejectsUnknownOperations() {
        try (Running running = Running.start(this)) {
            OperationRequest unknown = OperationRequest.builder("tck.no-such-operation").build();
            OperationResult result = running.execute(unknown);
            assertThat(result).as("result of an unknown operation").isInstanceOf(OperationResult.Failure.class);
            assertThat(((OperationResult.Failure) result).code()).as("failure code of an unknown operation")
                    .isEqualTo(FailureCode.UNKNOWN_OPERATION);
        }
    }

    /** {@code start} and {@code stop} may each be called twice without harm. */
    @Test
    @DisplayName("starts and stops idempotently")
    public void startsAndStopsIdempotently() {
        Specialist specialist = createSpecialist();
        SpecialistContext context = createContext(specialist.name());
        assertThatCode(() -> {
            specialist.start(context);
            specialist.start(context);
        }).as("calling start twice").doesNotThrowAnyException();
        try {
            OperationRequest first = sampleRequests().getFirst();
            assertThat(specialist.execute(context, first)).as("%s after a double start", first.operation())
                    .isInstanceOf(OperationResult.Success.class);
        } finally {
            assertThatCode(() -> {
                specialist.stop();
                specialist.stop();
            }).as("calling stop twice").doesNotThrowAnyException();
        }
    }

    /** A request whose deadline has passed is answered {@code deadline_exceeded}; a future one runs. */
    @Test
    @DisplayName("honours deadlines (deadline_exceeded once passed)")
    public void honoursDeadlines() {
        try (Running running = Running.start(this)) {
            for (OperationRequest sample : sampleRequests()) {
                OperationRequest late = sample.toBuilder()
                        .deadline(running.context().time().now().minusSeconds(1)).build();
                OperationResult result = running.execute(late);
                assertThat(result).as("%s with a deadline in the past", sample.operation())
                        .isInstanceOf(OperationResult.Failure.class);
                assertThat(((OperationResult.Failure) result).code())
                        .as("failure code of %s with a deadline in the past", sample.operation())
                        .isEqualTo(FailureCode.DEADLINE_EXCEEDED);
                OperationRequest timely = sample.toBuilder()
                        .deadline(running.context().time().now().plusSeconds(60)).build();
                running.succeed(timely);
            }
        }
    }

    /** For each sample whose operation has a compensation: the compensation removes the effect. */
    @Test
    @DisplayName("compensation undoes the effect")
    public void compensationUndoesEffect() {
        List<OperationRequest> samples = sampleRequests();
        int checked = 0;
        for (int i = 0; i < samples.size(); i++) {
            checked += compensates(samples, i) ? 1 : 0;
        }
        Assumptions.assumeTrue(checked > 0,
                "no sample request targets an operation that declares a compensation; nothing to undo");
    }

    /** Runs samples 0..i on a fresh specialist (the earlier ones as setup) and undoes sample i. */
    private boolean compensates(List<OperationRequest> samples, int i) {
        try (Running running = Running.start(this)) {
            OperationRequest sample = samples.get(i);
            OperationDescriptor op = running.descriptor(sample.operation());
            if (!(op.compensation() instanceof Compensation.ByOperation by)) {
                return false;
            }
            samples.subList(0, i).forEach(running::succeed);
            OperationResult.Success success = running.succeed(sample);
            assertThat(running.present(sample, success)).as("effect of %s before compensation", op.name())
                    .isTrue();
            OperationRequest undo = OperationRequest.builder(by.operation()).params(success.compensation()).build();
            running.succeed(undo);
            assertThat(running.present(sample, success))
                    .as("effect of %s after its compensation %s", op.name(), by.operation()).isFalse();
            return true;
        }
    }

    /** Supplies a specialist to {@link Running}. */
    Specialist newSpecialist() {
        return createSpecialist();
    }

    /** Supplies a context to {@link Running}. */
    SpecialistContext newContext(String name) {
        return createContext(name);
    }

    /** Supplies the probe to {@link Running}. */
    EffectProbe probe() {
        return effectProbe();
    }
}
