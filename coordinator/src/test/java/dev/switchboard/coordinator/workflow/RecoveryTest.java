package dev.switchboard.coordinator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.coordinator.journal.RunState;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery after an in-process "crash": the executor throws an {@link Error}, which the engine does not
 * catch, so the run stops with its journal exactly as a dead process would leave it. A second engine
 * on the same journal and effects then recovers. (The real {@code kill -9} is {@link KillRecoveryTest}.)
 */
class RecoveryTest {

    @TempDir
    Path dir;
    final Effects effects = Effects.inMemory();

    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    static final WorkflowDefinition THREE = WorkflowDefinition.builder("three")
            .step(StepDefinition.of("room-a", "room.create", "{\"name\":\"a\"}"))
            .step(StepDefinition.of("rec", "rec.start", "{\"room\":\"a\"}"))
            .step(StepDefinition.of("room-b", "room.create", "{\"name\":\"b\"}"))
            .step(StepDefinition.of("echo", "test.echo", "{\"b\":\"${steps.room-b.output.sid}\"}"))
            .build();

    /** Runs {@code definition} until a request matching {@code crashOn} arrives, then "dies". */
    private void crash(WorkflowDefinition definition, Predicate<OperationRequest> crashOn, boolean afterEffect) {
        try (Fixture f = new Fixture(dir.resolve("j"), effects, true)) {
            StepExecutor real = f.catalog.executor();
            StepExecutor dying = request -> {
                if (!crashOn.test(request)) {
                    return real.execute(request);
                }
                if (afterEffect) {
                    real.execute(request);
                }
                throw new Crash();
            };
            WorkflowEngine engine = WorkflowEngine.builder().journal(f.journal).executor(dying).catalog(f.catalog)
                    .sleeper(d -> { }).build();
            assertThatThrownBy(() -> engine.run(definition, Json.object(), Caller.of("ops"), "run-1"))
                    .isInstanceOf(Crash.class);
        }
    }

    private Fixture restart() {
        return new Fixture(dir.resolve("j"), effects, true);
    }

    @Test
    void anInterruptedRunIsRolledBackOnceAndTheNextRecoveryFindsNothing() {
        crash(THREE, r -> r.operation().equals("test.echo"), true);
        assertThat(effects.all()).containsExactly("room.create:a", "rec.start:a", "room.create:b");

        try (Fixture f = restart()) {
            RecoveryReport report = f.engine.recover();

            assertThat(report.workflows()).singleElement().isInstanceOfSatisfying(WorkflowResult.RolledBack.class,
                    r -> {
                        assertThat(r.failedStep()).isEqualTo("echo");
                        assertThat(r.failure().code()).isEqualTo("interrupted");
                        assertThat(r.compensated()).containsExactly("room-b", "rec", "room-a");
                    });
            assertThat(effects.all()).containsExactly("room.create:a", "rec.start:a", "room.create:b",
                    "room.delete:b", "rec.stop:EG_a", "room.delete:a");
            assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.ROLLED_BACK);
            assertThat(f.specialist.requests).extracting(r -> r.idempotencyKey().orElseThrow())
                    .containsExactly("run-1/room-b/compensate", "run-1/rec/compensate", "run-1/room-a/compensate");
            assertThat(f.specialist.requests).allSatisfy(r -> assertThat(r.caller().principal()).isEqualTo("ops"));

            assertThat(f.engine.recover().workflows()).isEmpty();
        }
        assertThat(effects.all()).hasSize(6);
    }

    @Test
    void anInDoubtIdempotentStepIsReplayedWithItsKeyThenCompensated() {
        crash(THREE, r -> r.idempotencyKey().orElseThrow().equals("run-1/room-b"), false);

        try (Fixture f = restart()) {
            var result = (WorkflowResult.RolledBack) f.engine.recover().workflows().getFirst();

            assertThat(result.failedStep()).isEqualTo("room-b");
            assertThat(result.compensated()).containsExactly("room-b", "rec", "room-a");
            assertThat(f.specialist.requests.getFirst().idempotencyKey()).contains("run-1/room-b");
        }
        assertThat(effects.all()).containsExactly("room.create:a", "rec.start:a", "room.create:b",
                "room.delete:b", "rec.stop:EG_a", "room.delete:a");
    }

    @Test
    void anInDoubtStepThatCannotBeReplayedIsDeadLetteredAndTheRestRolledBack() {
        crash(THREE, r -> r.operation().equals("rec.start"), true);

        try (Fixture f = restart()) {
            var result = (WorkflowResult.RolledBack) f.engine.recover().workflows().getFirst();

            assertThat(result.failedStep()).isEqualTo("rec");
            assertThat(result.compensated()).containsExactly("room-a");
            assertThat(result.deadLettered()).containsExactly("rec");
            assertThat(f.engine.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo("run-1/rec");
                assertThat(d.reason()).contains("not idempotent");
            });
            assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.DEAD_LETTERED);
        }
        assertThat(effects.all()).containsExactly("room.create:a", "rec.start:a", "room.delete:a");
    }

    @Test
    void aRollbackInterruptedMidwayIsFinishedWithoutUndoingAnythingTwice() {
        WorkflowDefinition failing = WorkflowDefinition.builder("failing")
                .step(StepDefinition.of("room-a", "room.create", "{\"name\":\"a\"}"))
                .step(StepDefinition.of("room-b", "room.create", "{\"name\":\"b\"}"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .build();
        crash(failing, r -> r.idempotencyKey().orElseThrow().equals("run-1/room-a/compensate"), false);
        assertThat(effects.all()).containsExactly("room.create:a", "room.create:b", "room.delete:b");

        try (Fixture f = restart()) {
            var result = (WorkflowResult.RolledBack) f.engine.recover().workflows().getFirst();

            assertThat(result.failedStep()).isEqualTo("boom");
            assertThat(result.failure().code()).isEqualTo("internal");
            assertThat(result.compensated()).containsExactly("room-a");
        }
        assertThat(effects.all()).containsExactly("room.create:a", "room.create:b", "room.delete:b",
                "room.delete:a");
    }

    @Test
    void aForwardRecoverableRunIsResumedFromTheInterruptedStep() {
        WorkflowDefinition forward = WorkflowDefinition.builder("forward").forwardRecoverable(true)
                .step(StepDefinition.of("room-a", "room.create", "{\"name\":\"a\"}"))
                .step(StepDefinition.of("room-b", "room.create", "{\"name\":\"${steps.room-a.output.name}-2\"}"))
                .step(StepDefinition.of("echo", "test.echo", "{\"b\":\"${steps.room-b.output.sid}\"}"))
                .build();
        crash(forward, r -> r.operation().equals("room.create") && r.params().path("name").asText().equals("a-2"),
                false);

        try (Fixture f = restart()) {
            var result = (WorkflowResult.Completed) f.engine.recover().workflows().getFirst();

            assertThat(result.outputs().path("echo").path("b").asText()).isEqualTo("RM_a-2");
            assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.COMPLETED);
        }
        assertThat(effects.all()).containsExactly("room.create:a", "room.create:a-2");
    }

    @Test
    void anUnfinishedSingleExecuteIsClosedAsInDoubtAndListed() {
        try (Fixture f = restart()) {
            OperationRequest request = OperationRequest.builder("room.create").param("name", "x").requestId("r-9")
                    .build();
            f.journal.executeStarted(request, Compensation.by("room.delete"), true);

            RecoveryReport report = f.engine.recover();

            assertThat(report.inDoubtExecutes()).containsExactly("r-9");
            assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.FAILED);
            assertThat(f.engine.recover().inDoubtExecutes()).isEmpty();
        }
    }
}
