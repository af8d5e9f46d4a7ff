package dev.switchboard.coordinator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.RunState;
import dev.switchboard.coordinator.journal.RunSummary;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowEngineTest {

    @TempDir
    Path dir;
    Fixture f;

    static final WorkflowDefinition SESSION = WorkflowDefinition.builder("session-start")
            .input(InputSpec.required("room", InputSpec.Type.STRING))
            .input(InputSpec.withDefault("record", InputSpec.Type.BOOLEAN, Json.mapper().getNodeFactory()
                    .booleanNode(false)))
            .input(InputSpec.withDefault("max", InputSpec.Type.INTEGER, Json.mapper().getNodeFactory()
                    .numberNode(10)))
            .step(StepDefinition.of("create-room", "room.create", """
                    {"name": "${inputs.room}", "max": "${inputs.max}"}"""))
            .step(StepDefinition.of("start-recording", "rec.start", """
                    {"room": "${steps.create-room.output.name}"}""").when("${inputs.record}"))
            .step(StepDefinition.of("describe", "test.echo", """
                    {"sid": "${steps.create-room.output.sid}"}"""))
            .build();

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void completesAndKeepsJsonTypesOfWholeValueTemplates() {
        WorkflowDefinition def = WorkflowDefinition.builder("typed")
                .input(InputSpec.required("room", InputSpec.Type.STRING))
                .input(InputSpec.required("max", InputSpec.Type.INTEGER))
                .input(InputSpec.optional("extra", InputSpec.Type.OBJECT))
                .step(StepDefinition.of("create-room", "room.create", """
                        {"name": "${inputs.room}", "max": "${inputs.max}"}"""))
                .step(StepDefinition.of("describe", "test.echo", """
                        {"max": "${steps.create-room.output.max}", "label": "room ${inputs.room} (max ${inputs.max})",
                         "literal": "$${x}", "extra": "${inputs.extra}", "list": ["${inputs.max}", "${inputs.extra}"],
                         "run": "${workflow.id}"}"""))
                .build();

        WorkflowResult result = f.engine.run(def, Json.object("{\"room\":\"demo\",\"max\":7}"), Caller.anonymous(),
                "typed-1");

        assertThat(result).isInstanceOf(WorkflowResult.Completed.class);
        var echo = ((WorkflowResult.Completed) result).outputs().get("describe");
        assertThat(echo.get("max").isInt()).isTrue();
        assertThat(echo.get("max").asInt()).isEqualTo(7);
        assertThat(echo.get("label").asText()).isEqualTo("room demo (max 7)");
        assertThat(echo.get("literal").asText()).isEqualTo("${x}");
        assertThat(echo.has("extra")).as("a whole-value template with no value drops the key").isFalse();
        assertThat(echo.get("list").toString()).isEqualTo("[7,null]");
        assertThat(echo.get("run").asText()).isEqualTo("typed-1");
        assertThat(f.journal.runs()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RunState.COMPLETED);
            assertThat(r.kind()).isEqualTo(RunSummary.Kind.WORKFLOW);
        });
    }

    @Test
    void conditionFalseSkipsTheStepAndTrueRunsIt() {
        f.engine.run(SESSION, Json.object("{\"room\":\"a\"}"), Caller.anonymous());
        f.engine.run(SESSION, Json.object("{\"room\":\"b\",\"record\":true}"), Caller.anonymous());

        assertThat(f.effects.all()).containsExactly("room.create:a", "room.create:b", "rec.start:b");
        assertThat(f.eventTypes()).contains("workflow.step-skipped");
    }

    @Test
    void failureCompensatesFinishedStepsInReverseOrder() {
        WorkflowDefinition def = WorkflowDefinition.builder("rollback")
                .step(StepDefinition.of("room-a", "room.create", "{\"name\":\"a\"}"))
                .step(StepDefinition.of("rec", "rec.start", "{\"room\":\"a\"}"))
                .step(StepDefinition.of("echo", "test.echo", "{}"))
                .step(StepDefinition.of("room-b", "room.create", "{\"name\":\"b\"}"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .step(StepDefinition.of("never", "room.create", "{\"name\":\"c\"}"))
                .build();

        WorkflowResult result = f.engine.run(def, Json.object(), Caller.anonymous());

        assertThat(f.effects.all()).containsExactly("room.create:a", "rec.start:a", "room.create:b",
                "room.delete:b", "rec.stop:EG_a", "room.delete:a");
        var rolled = (WorkflowResult.RolledBack) result;
        assertThat(rolled.failedStep()).isEqualTo("boom");
        assertThat(rolled.failure().code()).isEqualTo("internal");
        assertThat(rolled.compensated()).containsExactly("room-b", "rec", "room-a");
        assertThat(rolled.deadLettered()).isEmpty();
        assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(f.eventTypes()).containsSubsequence("workflow.started", "workflow.step-failed",
                "workflow.compensated", "workflow.finished");
    }

    @Test
    void compensationOverrideAndDisabledCompensationAreHonoured() {
        WorkflowDefinition def = WorkflowDefinition.builder("overrides")
                .step(StepDefinition.of("kept", "room.create", "{\"name\":\"kept\"}").withoutCompensation())
                .step(StepDefinition.of("rec", "rec.start", "{\"room\":\"x\"}").compensatedBy("room.delete"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .build();

        f.engine.run(def, Json.object(), Caller.anonymous());

        // rec.start's compensation data is {"egress": …}; room.delete gets it, so it deletes room ""
        assertThat(f.effects.all()).containsExactly("room.create:kept", "rec.start:x", "room.delete:");
    }

    @Test
    void stepsAndCompensationsCarryKeysDerivedFromRunAndStep() {
        WorkflowDefinition def = WorkflowDefinition.builder("keys")
                .step(StepDefinition.of("room", "room.create", "{\"name\":\"k\"}"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .build();

        f.engine.run(def, Json.object(), Caller.of("ops", "admin"), "keys-1");

        assertThat(f.specialist.requests).extracting(r -> r.operation() + " " + r.idempotencyKey().orElseThrow())
                .containsExactly("room.create keys-1/room", "test.fail keys-1/boom",
                        "room.delete keys-1/room/compensate");
        assertThat(f.specialist.requests).allSatisfy(r -> {
            assertThat(r.caller().principal()).isEqualTo("ops");
            assertThat(r.tags()).containsEntry("workflow-run", "keys-1");
        });
    }

    @Test
    void compensationThatKeepsFailingIsRetriedWithBackoffThenDeadLettered() {
        f.specialist.deleteFailures.set(100);
        WorkflowDefinition def = WorkflowDefinition.builder("dead")
                .step(StepDefinition.of("room", "room.create", "{\"name\":\"d\"}"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .build();

        var result = (WorkflowResult.RolledBack) f.engine.run(def, Json.object(), Caller.anonymous(), "dead-1");

        assertThat(result.deadLettered()).containsExactly("room");
        assertThat(result.compensated()).isEmpty();
        assertThat(f.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
        assertThat(f.effects.all()).containsExactly("room.create:d", "room.delete-failed:d",
                "room.delete-failed:d", "room.delete-failed:d");
        assertThat(f.engine.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("dead-1/room");
            assertThat(d.operation()).isEqualTo("room.delete");
            assertThat(d.reason()).contains("3 times").contains("unavailable");
        });
        assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.DEAD_LETTERED);
        assertThat(f.eventTypes()).contains("workflow.dead-lettered");

        f.specialist.deleteFailures.set(0);
        assertThat(f.engine.retryDeadLetter("dead-1/room")).isTrue();
        assertThat(f.engine.deadLetters()).isEmpty();
        assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(f.effects.all()).last().isEqualTo("room.delete:d");
        assertThatThrownBy(() -> f.engine.retryDeadLetter("dead-1/room"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("no open dead letter");
    }

    @Test
    void aDeadLetterCanBeDismissedAndStillFailingRetryKeepsIt() {
        f.specialist.deleteFailures.set(100);
        WorkflowDefinition def = WorkflowDefinition.builder("dismiss")
                .step(StepDefinition.of("room", "room.create", "{\"name\":\"d\"}"))
                .step(StepDefinition.of("boom", "test.fail", "{}"))
                .build();
        f.engine.run(def, Json.object(), Caller.anonymous(), "dismiss-1");

        assertThat(f.engine.retryDeadLetter("dismiss-1/room")).isFalse();
        assertThat(f.engine.deadLetters()).hasSize(1);
        f.engine.dismissDeadLetter("dismiss-1/room", "deleted by hand");
        assertThat(f.engine.deadLetters()).isEmpty();
        assertThat(f.journal.records("dismiss-1").orElseThrow()).last()
                .isInstanceOfSatisfying(JournalRecord.DeadLetterResolved.class,
                        r -> assertThat(r.how()).isEqualTo("dismissed: deleted by hand"));
    }

    @Test
    void badInputsAreRejectedBeforeAnythingIsJournaled() {
        assertThatThrownBy(() -> f.engine.run(SESSION, Json.object(), Caller.anonymous()))
                .isInstanceOf(WorkflowException.class).hasMessage("$.inputs.room: required input is missing");
        assertThatThrownBy(() -> f.engine.run(SESSION, Json.object("{\"room\":5}"), Caller.anonymous()))
                .hasMessage("$.inputs.room: must be of type string, not number");
        assertThatThrownBy(() -> f.engine.run(SESSION, Json.object("{\"room\":\"a\",\"rom\":1}"), Caller.anonymous()))
                .hasMessageStartingWith("$.inputs.rom: unknown input");
        assertThat(f.journal.runs()).isEmpty();
    }

    @Test
    void unknownOperationsAreRejectedAgainstTheCatalogBeforeRunning() {
        WorkflowDefinition def = WorkflowDefinition.builder("unknown")
                .step(StepDefinition.of("a", "room.crate", "{}"))
                .step(StepDefinition.of("b", "test.echo", "{}").compensatedBy("test.nope"))
                .build();

        assertThatThrownBy(() -> f.engine.run(def, Json.object(), Caller.anonymous()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigException.Problem::toString)
                        .containsExactly("workflow unknown:steps[0].operation: unknown operation 'room.crate'",
                                "workflow unknown:steps[1].compensation: unknown compensation operation 'test.nope'"));
        assertThat(f.journal.runs()).isEmpty();
    }

    @Test
    void aRunIdCannotBeReused() {
        f.engine.run(SESSION, Json.object("{\"room\":\"a\"}"), Caller.anonymous(), "same");
        assertThatThrownBy(() -> f.engine.run(SESSION, Json.object("{\"room\":\"a\"}"), Caller.anonymous(), "same"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
        assertThat(f.effects.all()).containsExactly("room.create:a");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        WorkflowEngine engine = WorkflowEngine.builder().journal(f.journal).executor(f.catalog.executor())
                .catalog(f.catalog).listener(e -> {
                    throw new IllegalStateException("listener bug");
                }).build();

        assertThat(engine.run(SESSION, Json.object("{\"room\":\"l\"}"), Caller.anonymous()))
                .isInstanceOf(WorkflowResult.Completed.class);
    }

    @Test
    void runsOnAnInMemoryJournalToo() {
        try (var journal = dev.switchboard.coordinator.journal.Journal.inMemory()) {
            WorkflowEngine engine = WorkflowEngine.builder().journal(journal).executor(f.catalog.executor())
                    .catalog(f.catalog).build();
            var result = engine.run(SESSION, Json.object("{\"room\":\"m\"}"), Caller.anonymous(), "m-1");

            assertThat(result).isInstanceOf(WorkflowResult.Completed.class);
            assertThat(journal.records("m-1").orElseThrow()).hasSize(7);
            assertThat(journal.succeeded("m-1/create-room")).isPresent();
        }
    }

    @Test
    void builderNamesTheMissingPart() {
        assertThatThrownBy(() -> WorkflowEngine.builder().journal(f.journal).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executor is required");
    }

    @Test
    void journalHoldsTheStepsWrittenAhead() {
        f.engine.run(SESSION, Json.object("{\"room\":\"j\"}"), Caller.anonymous(), "j-1");

        List<String> types = f.journal.records("j-1").orElseThrow().stream().map(JournalRecord::type).toList();
        assertThat(types).containsExactly("workflow-started", "step-started", "step-succeeded", "step-skipped",
                "step-started", "step-succeeded", "workflow-finished");
        var started = (JournalRecord.StepStarted) f.journal.records("j-1").orElseThrow().get(1);
        assertThat(started.compensation()).isEqualTo("room.delete");
        assertThat(started.idempotent()).isTrue();
        assertThat(started.params().toString()).isEqualTo("{\"name\":\"j\",\"max\":10}");
    }
}
