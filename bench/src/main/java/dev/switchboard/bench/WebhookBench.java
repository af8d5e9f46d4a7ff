package dev.switchboard.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.http.HttpApi;
import dev.switchboard.coordinator.http.HttpSettings;
import dev.switchboard.coordinator.http.WebhookSettings;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * LiveKit webhook receive → verify → dedupe → dispatch over HTTP on loopback: a real
 * {@code HttpApi} (JDK server, virtual threads) receives events signed exactly as livekit-server
 * signs them (HS256 token, {@code sha256} claim), each with a fresh event id, from 4 client threads
 * over keep-alive connections. {@code receiveRate} gives requests/s, {@code receiveLatency} p50/p99;
 * {@code fsync} toggles forcing each seen id to disk. Client and server share the machine's cores.
 */
@State(Scope.Benchmark)
@Threads(4)
public class WebhookBench {

    private static final String KEY = "APIbench";
    private static final String SECRET = "bench-secret-0123456789abcdef0123456789";

    @Param({"true", "false"})
    public boolean fsync;

    private final AtomicLong ids = new AtomicLong();
    private final LongAdder dispatched = new LongAdder();
    private Path state;
    private HttpApi api;
    private HttpClient client;
    private URI url;

    /** A request prepared outside the measured time. */
    @State(Scope.Thread)
    public static class Signed {
        HttpRequest request;

        /** Signs a new event for the next invocation. */
        @Setup(Level.Invocation)
        public void sign(WebhookBench bench) {
            request = bench.nextRequest();
        }
    }

    /** Starts the receiver. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        state = Files.createTempDirectory("webhook-bench");
        api = HttpApi.start(new NoOpSwitchboard(), HttpSettings.builder().port(0)
                .webhooks(WebhookSettings.builder()
                        .key(KEY, Secret.of("${BENCH_SECRET}", SECRET))
                        .stateDirectory(state)
                        .fsync(fsync)
                        .eventSink(e -> dispatched.increment())
                        .build())
                .build());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        url = URI.create("http://127.0.0.1:" + api.port() + "/webhooks/livekit");
    }

    /** Stops the receiver and checks every request was dispatched once. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        api.close();
        client.close();
        if (dispatched.sum() != ids.get()) {
            throw new IllegalStateException("dispatched " + dispatched.sum() + " of " + ids.get() + " events");
        }
        try (var files = Files.list(state)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(state);
    }

    HttpRequest nextRequest() {
        byte[] body = ("{\"event\":\"participant_joined\",\"room\":{\"sid\":\"RM_bench\",\"name\":\"bench\"},"
                + "\"participant\":{\"sid\":\"PA_x\",\"identity\":\"user\"},\"id\":\"EV_" + ids.incrementAndGet()
                + "\",\"createdAt\":\"" + Instant.now().getEpochSecond() + "\"}").getBytes(StandardCharsets.UTF_8);
        String token = JWT.create().withIssuer(KEY).withExpiresAt(Instant.now().plusSeconds(300))
                .withNotBefore(Instant.now().minusSeconds(1)).withClaim("sha256", sha256(body))
                .sign(Algorithm.HMAC256(SECRET));
        return HttpRequest.newBuilder(url).header("Authorization", token)
                .header("Content-Type", "application/webhook+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Requests per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int receiveRate(Signed signed) throws IOException, InterruptedException {
        return send(signed);
    }

    /** Latency distribution (p50, p99). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int receiveLatency(Signed signed) throws IOException, InterruptedException {
        return send(signed);
    }

    private int send(Signed signed) throws IOException, InterruptedException {
        HttpResponse<Void> response = client.send(signed.request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + response.statusCode());
        }
        return response.statusCode();
    }

    private static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A coordinator with nothing loaded: the webhook path does not call it without triggers. */
    static final class NoOpSwitchboard implements Switchboard {
        @Override
        public OperationResult execute(OperationRequest request) {
            return OperationResult.success(Json.object());
        }

        @Override
        public CompletableFuture<OperationResult> executeAsync(OperationRequest request) {
            return CompletableFuture.completedFuture(execute(request));
        }

        @Override
        public WorkflowResult run(String workflow, ObjectNode inputs, Caller caller) {
            return new WorkflowResult.Completed("wf", Json.object());
        }

        @Override
        public CompletableFuture<WorkflowResult> runAsync(String workflow, ObjectNode inputs, Caller caller) {
            return CompletableFuture.completedFuture(run(workflow, inputs, caller));
        }

        @Override
        public RouteExplanation explain(OperationRequest request) {
            return new RouteExplanation(List.of(), Optional.empty(), List.of());
        }

        @Override
        public Collection<SpecialistOperation> operations() {
            return List.of();
        }

        @Override
        public AutoCloseable listen(Consumer<SwitchboardEvent> listener) {
            return () -> { };
        }

        @Override
        public void close() {
            // nothing to stop
        }
    }
}
