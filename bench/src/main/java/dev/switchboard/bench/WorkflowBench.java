package dev.switchboard.bench;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.workflow.StepDefinition;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A workflow of 5 no-op steps: completed, and rolled back (a 6th step fails, all 5 are compensated). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkflowBench {

    private Switchboard switchboard;

    /** Builds the coordinator with both workflows, journal without fsync. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        WorkflowDefinition.Builder ok = WorkflowDefinition.builder("five");
        WorkflowDefinition.Builder bad = WorkflowDefinition.builder("five-then-fail");
        for (int i = 1; i <= 5; i++) {
            ok.step(StepDefinition.of("s" + i, "bench.noop", "{\"n\":" + i + "}"));
            bad.step(StepDefinition.of("s" + i, "bench.noop", "{\"n\":" + i + "}"));
        }
        bad.step(StepDefinition.of("boom", "bench.fail", "{}"));
        switchboard = BenchCoordinator.builder(Files.createTempDirectory("sb-bench-wf"), false)
                .workflow(ok.build()).workflow(bad.build()).build();
        if (!(rollbackFiveSteps() instanceof WorkflowResult.RolledBack rb) || rb.compensated().size() != 5) {
            throw new IllegalStateException("five-then-fail did not roll back 5 steps");
        }
    }

    /** Closes the coordinator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        switchboard.close();
    }

    /** 5 steps, all succeed. */
    @Benchmark
    public WorkflowResult completeFiveSteps() {
        return switchboard.run("five", Json.object(), Caller.anonymous());
    }

    /** 5 steps succeed, the 6th fails, the 5 are compensated in reverse order. */
    @Benchmark
    public WorkflowResult rollbackFiveSteps() {
        return switchboard.run("five-then-fail", Json.object(), Caller.anonymous());
    }
}
