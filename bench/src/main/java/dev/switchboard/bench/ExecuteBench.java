package dev.switchboard.bench;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code Switchboard.execute} with a no-op specialist: route, schema gate, journal (with and without
 * fsync), specialist, post-verify. Sample mode, so the report shows p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExecuteBench {

    @Param({"false", "true"})
    public boolean fsync;

    private Switchboard switchboard;
    private OperationRequest request;
    private Path dir;

    /** Builds the coordinator. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("sb-bench-execute");
        switchboard = BenchCoordinator.builder(dir, fsync).build();
        request = OperationRequest.builder("bench.noop").params(Json.object().put("n", 7).put("room", "r1")).build();
        if (!switchboard.execute(request).isSuccess()) {
            throw new IllegalStateException("bench.noop failed: " + switchboard.execute(request));
        }
    }

    /** Closes the coordinator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        switchboard.close();
    }

    /** One request through the whole path. */
    @Benchmark
    public OperationResult execute() {
        return switchboard.execute(request);
    }
}
