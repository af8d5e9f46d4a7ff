package dev.switchboard.coordinator.workflow;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import java.nio.file.Path;

/**
 * The child JVM of {@link KillRecoveryTest}: runs a workflow whose second step blocks forever, with
 * the journal (fsync on) and the effects in files, and waits to be killed.
 */
public final class CrashChild {

    static final WorkflowDefinition WORKFLOW = WorkflowDefinition.builder("killed")
            .step(StepDefinition.of("create-room", "room.create", "{\"name\":\"k9\"}"))
            .step(StepDefinition.of("hold", "test.block", "{\"room\":\"${steps.create-room.output.name}\"}"))
            .build();

    private CrashChild() {
    }

    /** Arguments: journal file, effects file. */
    public static void main(String[] args) {
        try (Fixture f = new Fixture(Path.of(args[0]), Effects.file(Path.of(args[1])), true)) {
            f.engine.run(WORKFLOW, Json.object(), Caller.of("child"), "killed-1");
        }
    }
}
