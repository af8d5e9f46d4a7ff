package dev.switchboard.bench;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code room.create} through the coordinator (its default path) against a direct
 * {@code RoomServiceClient.createRoom} on the same real livekit-server (loopback). The coordinator's
 * path adds routing, the schema gate, two journal records and the room specialist's own client;
 * on LiveKit it makes the same single CreateRoom call: whether the room was created or adopted is
 * read from the reply's creation stamp, and the reply is the post-condition's evidence. Only the
 * set-up call (and one a minute when idle) looks the room up first, to calibrate.
 * Ratio: {@code viaCoordinator / direct}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RoomCreateBench {

    private final AtomicLong counter = new AtomicLong();
    private LiveKitServer livekit;
    private Switchboard switchboard;
    private RoomServiceClient direct;

    /** Starts a livekit-server and the coordinator with the room specialist. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        livekit = LiveKitServer.startLoopback();
        switchboard = BenchCoordinator.builder(Files.createTempDirectory("sb-bench-room"), false)
                .environment(Map.of("LIVEKIT_URL", livekit.httpUrl().toString(), "LIVEKIT_API_KEY", livekit.apiKey(),
                        "LIVEKIT_API_SECRET", livekit.apiSecret().reveal()))
                .build();
        direct = RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                livekit.apiSecret().reveal());
        OperationResult first = viaCoordinator();
        if (!first.isSuccess()) {
            throw new IllegalStateException("room.create failed: " + first);
        }
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        switchboard.close();
        livekit.close();
    }

    /** Through the coordinator (route, gates, journal, specialist, verify). */
    @Benchmark
    public OperationResult viaCoordinator() {
        return switchboard.execute(OperationRequest.builder("room.create")
                .params(Json.object().put("name", "bc-" + counter.incrementAndGet())).build());
    }

    /** The reference: the Kotlin SDK's RoomServiceClient. */
    @Benchmark
    public Object direct() throws IOException {
        return direct.createRoom("bd-" + counter.incrementAndGet()).execute().body();
    }

    /**
     * The same comparison with the two calls alternating in one loop, so that load from other
     * processes hits both alike (JMH runs the two methods one after the other): prints the medians and
     * their ratio. {@code java -cp bench/target/benchmarks.jar dev.switchboard.bench.RoomCreateBench [pairs]}
     */
    public static void main(String[] args) throws IOException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        RoomCreateBench bench = new RoomCreateBench();
        bench.setUp();
        try {
            long[] direct = new long[pairs];
            long[] via = new long[pairs];
            for (int i = -pairs / 5; i < pairs; i++) {
                long t0 = System.nanoTime();
                bench.direct();
                long t1 = System.nanoTime();
                OperationResult result = bench.viaCoordinator();
                long t2 = System.nanoTime();
                if (!result.isSuccess()) {
                    throw new IllegalStateException("room.create failed: " + result);
                }
                if (i >= 0) {
                    direct[i] = t1 - t0;
                    via[i] = t2 - t1;
                }
            }
            java.util.Arrays.sort(direct);
            java.util.Arrays.sort(via);
            System.out.printf(java.util.Locale.ROOT, "RoomCreateBench interleaved, %d pairs: direct p50 %.3f ms,"
                    + " viaCoordinator p50 %.3f ms, ratio %.2fx (p25 %.3f / %.3f ms)   target: <= 1.1x%n", pairs,
                    direct[pairs / 2] / 1e6, via[pairs / 2] / 1e6, (double) via[pairs / 2] / direct[pairs / 2],
                    direct[pairs / 4] / 1e6, via[pairs / 4] / 1e6);
        } finally {
            bench.tearDown();
        }
    }
}
