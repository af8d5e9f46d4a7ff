package dev.switchboard.bench;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
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

/**
 * {@code token.mint} through the coordinator (route, schema gate, journal without fsync, auth
 * specialist) against the LiveKit SDK's {@code AccessToken} minting the same grants directly.
 * The report prints the ratio {@code viaCoordinator / direct}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenMintBench {

    private static final String KEY = "bench-key";
    private static final String SECRET = "bench-secret-that-is-long-enough-for-hs256-signing";

    private Switchboard switchboard;
    private OperationRequest request;

    /** Builds the coordinator with the auth specialist found on the class path. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        switchboard = BenchCoordinator.builder(Files.createTempDirectory("sb-bench-token"), false)
                .environment(Map.of("LIVEKIT_API_KEY", KEY, "LIVEKIT_API_SECRET", SECRET)).build();
        request = OperationRequest.builder("token.mint").params(Json.object()
                .put("identity", "alice").put("room", "standup").put("preset", "speaker").put("ttl", "1h")).build();
        OperationResult first = switchboard.execute(request);
        if (!first.isSuccess()) {
            throw new IllegalStateException("token.mint failed: " + first);
        }
    }

    /** Closes the coordinator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        switchboard.close();
    }

    /** Through the coordinator. */
    @Benchmark
    public OperationResult viaCoordinator() {
        return switchboard.execute(request);
    }

    /** The reference: the Kotlin SDK's AccessToken with the speaker preset's grants. */
    @Benchmark
    public String direct() {
        AccessToken token = new AccessToken(KEY, SECRET);
        token.setIdentity("alice");
        token.setTtl(TimeUnit.HOURS.toMillis(1));
        token.addGrants(new RoomJoin(true), new RoomName("standup"), new CanPublish(true),
                new CanSubscribe(true), new CanPublishData(true));
        return token.toJwt();
    }
}
